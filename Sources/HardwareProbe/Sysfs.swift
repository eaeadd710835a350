import HPCBasics

/// Small readers over sysfs/procfs attribute files; every path is absolute (already under the system root).
enum Sysfs {
  /// The file's text without trailing newlines and spaces; nil when missing or unreadable.
  static func text(_ path: String) -> String? {
    guard let raw = FileSystem.readText(path) else { return nil }
    var slice = Substring(raw)
    while let last = slice.last, last == "\n" || last == " " || last == "\t" || last == "\0" { slice.removeLast() }
    return String(slice)
  }

  /// A hexadecimal attribute (`0x10de`, `10de`); nil when missing or not hex.
  static func hexValue(_ path: String) -> UInt64? {
    guard let raw = text(path) else { return nil }
    return parseHex(raw)
  }

  /// Parses `0x10de` or `10de`.
  static func parseHex(_ raw: String) -> UInt64? {
    let digits = raw.hasPrefix("0x") || raw.hasPrefix("0X") ? String(raw.dropFirst(2)) : raw
    guard !digits.isEmpty, digits.count <= 16 else { return nil }
    return UInt64(digits, radix: 16)
  }

  /// A decimal integer attribute; nil when missing or not a number.
  static func integer(_ path: String) -> Int? {
    text(path).flatMap { Int($0) }
  }

  /// The last path component of a symlink's target (`driver` → `nvidia`). Captures that flattened symlinks into
  /// small files holding the target (`../../../bus/pci/drivers/nvidia`) are read the same way.
  static func linkName(_ path: String) -> String? {
    linkTarget(path).map(Path.basename)
  }

  /// The raw target of a symlink, or of a flattened symlink file.
  static func linkTarget(_ path: String) -> String? {
    if let target = FileSystem.readLink(path) { return target }
    guard FileSystem.kind(path, follow: false) == .file, let content = text(path),
      content.hasPrefix("../") || content.hasPrefix("/"), !content.contains("\n")
    else { return nil }
    return content
  }

  /// The absolute, `..`-free path a (possibly flattened) symlink at `path` points to.
  /// The parent directory is canonicalised first, so links under linked directories (`class/infiniband/mlx5_0`
  /// → `.../infiniband/mlx5_0`, then its `device`) resolve correctly; dangling targets are still returned.
  static func resolveLink(_ path: String) -> String? {
    guard let target = linkTarget(path) else { return nil }
    if target.hasPrefix("/") { return normalize(target) }
    let parent = Path.dirname(path)
    return normalize((FileSystem.realPath(parent) ?? parent) + "/" + target)
  }

  /// Removes `.` and `..` components lexically.
  static func normalize(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
      if part == "." { continue }
      if part == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }

  /// Entries of a directory sorted by name (numbers in names compared numerically); empty when missing.
  static func list(_ path: String) -> [String] {
    (FileSystem.list(path) ?? []).sorted(by: naturalLess)
  }

  /// `mlx5_2` before `mlx5_10`, `virtfn2` before `virtfn10`.
  static func naturalLess(_ a: String, _ b: String) -> Bool {
    let (aStem, aNumber) = splitTrailingNumber(a)
    let (bStem, bNumber) = splitTrailingNumber(b)
    if aStem == bStem, let aNumber, let bNumber { return aNumber < bNumber }
    return a < b
  }

  private static func splitTrailingNumber(_ text: String) -> (Substring, Int?) {
    let digits = text.reversed().prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count < 10 else { return (Substring(text), nil) }
    return (text.dropLast(digits.count), Int(String(digits.reversed())))
  }
}
