import HPCBasics

/// Reads sysfs attributes and links under a `SystemRoot`.
///
/// Links are read with readlink(2); a fixture captured without links stores the link text in a plain file (its
/// content starts with `../` or `/`), which is read the same way, so captured and generated trees both work.
package struct SysfsReader: Sendable {
  /// The root everything is read under.
  package var root: SystemRoot

  /// Creates a reader.
  package init(root: SystemRoot) { self.root = root }

  /// The trimmed content of the attribute at the absolute sysfs path `path` (e.g. `/sys/class/...`).
  package func attribute(_ path: String) -> String? {
    FileSystem.readText(root.resolve(path)).map(\.trimmed)
  }

  /// The bytes of the attribute at `path`.
  package func bytes(_ path: String) -> [UInt8]? { FileSystem.readBytes(root.resolve(path)) }

  /// The entries of the directory at `path`, sorted; empty when absent.
  package func list(_ path: String) -> [String] { (FileSystem.list(root.resolve(path)) ?? []).sorted() }

  /// True when `path` exists under the root.
  package func exists(_ path: String) -> Bool { FileSystem.kind(root.resolve(path), follow: false) != nil }

  /// The absolute sysfs path (under the root's `/`) that the link at `path` points to.
  package func link(_ path: String) -> String? {
    let full = root.resolve(path)
    if let target = FileSystem.readLink(full) {
      if target.hasPrefix("/") { return Self.normalize(target) }
      // The link's directory may itself be reached through links (/sys/class/infiniband/mlx5_0 -> ...), so
      // resolve the directory for real, then take the path back under the root.
      let parent = FileSystem.realPath(Path.dirname(full)) ?? Path.dirname(full)
      return underRoot(Self.normalize(parent + "/" + target))
    }
    guard FileSystem.kind(full, follow: false) == .file, let text = FileSystem.readText(full)?.trimmed,
      text.hasPrefix("../") || text.hasPrefix("/"), !text.contains("\n")
    else { return nil }
    return Self.normalize(text.hasPrefix("/") ? text : Path.dirname(path) + "/" + text)
  }

  /// An absolute real path made relative to the root again (`/fixture/sys/x` → `/sys/x`).
  private func underRoot(_ real: String) -> String {
    guard !root.isLive else { return real }
    let base = FileSystem.realPath(root.path) ?? root.path
    return real.hasPrefix(base + "/") ? String(real.dropFirst(base.count)) : real
  }

  /// The last component of the link at `path` (e.g. the driver name of `.../driver`).
  package func linkName(_ path: String) -> String? { link(path).map(Path.basename) }

  /// The directory of the PCI function at `address` (`/sys/devices/pci0000:00/...`), resolved through the
  /// `/sys/bus/pci/devices` link when possible.
  package func devicePath(_ address: String) -> String {
    let busPath = "/sys/bus/pci/devices/" + address
    if let canonical = link(busPath), FileSystem.isDirectory(root.resolve(canonical)) { return canonical }
    return busPath
  }

  /// `path` with `.` and `..` components resolved textually.
  package static func normalize(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
      if part == "." || part.isEmpty { continue }
      if part == ".." { if !parts.isEmpty { parts.removeLast() } } else { parts.append(part) }
    }
    return "/" + parts.joined(separator: "/")
  }
}
