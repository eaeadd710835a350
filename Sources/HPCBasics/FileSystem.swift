#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Thin, throwing-free file helpers over POSIX calls (one choke point; no Foundation needed).
/// Modules add their own helpers in `FileSystem+Topic.swift` extensions.
public enum FileSystem {
  /// The whole file as bytes, or nil when it cannot be opened or read.
  public static func readBytes(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    // sysfs and procfs files report a size of 4096 or 0 whatever they hold: read them until EOF in pages.
    let hint = fstat(fd, &info) == 0 && info.st_size > 0 ? Int(info.st_size) : 4096
    var result = [UInt8](repeating: 0, count: hint + 1)
    var used = 0
    while true {
      if used == result.count { result.append(contentsOf: repeatElement(0, count: max(4096, result.count))) }
      let count = result.withUnsafeMutableBytes { read(fd, $0.baseAddress! + used, $0.count - used) }
      if count < 0 && errno == EINTR { continue }
      if count < 0 { return nil }
      if count == 0 { break }
      used += count
    }
    result.removeSubrange(used...)
    return result
  }

  /// The whole file decoded as UTF-8 (invalid bytes repaired), or nil when unreadable.
  public static func readText(_ path: String) -> String? {
    readBytes(path).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Entries of a directory (without `.` and `..`), unsorted; nil when it cannot be opened.
  public static func list(_ path: String) -> [String]? {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    return list(descriptor: fd)
  }

  /// The kind of a path, following symlinks unless `follow` is false.
  public enum Kind: Sendable { case file, directory, symlink, other }

  /// The kind of `path`, or nil when it does not exist.
  public static func kind(_ path: String, follow: Bool = true) -> Kind? {
    var info = stat()
    let status = follow ? stat(path, &info) : lstat(path, &info)
    guard status == 0 else { return nil }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .directory
    case S_IFLNK: return .symlink
    default: return .other
    }
  }

  /// True when `path` exists (following symlinks).
  public static func exists(_ path: String) -> Bool { kind(path) != nil }

  /// True when `path` is a directory (following symlinks).
  public static func isDirectory(_ path: String) -> Bool { kind(path) == .directory }

  /// The target of the symlink at `path`, or nil.
  public static func readLink(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink(path, &buffer, buffer.count - 1)
    guard count >= 0 else { return nil }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The canonical absolute path (symlinks resolved), or nil when it does not exist.
  public static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// The current working directory.
  public static func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    return String(cString: buffer)
  }
}

/// String path helpers (POSIX semantics, no normalisation beyond what is stated).
public enum Path {
  /// `a/b` joined with `c` (an absolute `c` wins).
  public static func join(_ base: String, _ component: String) -> String {
    if component.hasPrefix("/") || base.isEmpty { return component }
    return base.hasSuffix("/") ? base + component : base + "/" + component
  }

  /// The directory part (`/a/b` → `/a`, `b` → `.`, `/a` → `/`).
  public static func dirname(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    if slash == path.startIndex { return "/" }
    return String(path[..<slash])
  }

  /// The last component.
  public static func basename(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  /// True when `path` names `directory` or something below it, compared lexically (both made absolute; a `.`
  /// or `..` component below `directory` counts as outside): the last check on every path derived from a name.
  public static func isInside(_ path: String, _ directory: String) -> Bool {
    let base = absolute(directory)
    let full = absolute(path)
    if full == base { return true }
    let prefix = base.hasSuffix("/") ? base : base + "/"
    return full.hasPrefix(prefix) && SafeName.staysInside(String(full.dropFirst(prefix.count)))
  }

  /// `path` made absolute against the current directory.
  public static func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : join(FileSystem.currentDirectory(), path)
  }
}
