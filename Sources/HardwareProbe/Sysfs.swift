import HPCBasics

#if canImport(Glibc)
  import Glibc
#endif

/// Small readers over sysfs/procfs attribute files; every path is absolute (already under the system root).
enum Sysfs {
  /// The file's text without trailing newlines, spaces, tabs and NULs; nil when missing or unreadable. Read to
  /// the end (procfs files such as `cpuinfo` come in pieces); `SysfsDirectory.text` reads sysfs attributes.
  static func text(_ path: String) -> String? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var bytes: [UInt8] = []
    let complete = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { buffer -> Bool in
      while true {
        let count = read(fd, buffer.baseAddress, buffer.count)
        if count < 0 && errno == EINTR { continue }
        if count < 0 { return false }
        if count == 0 { return true }
        bytes.append(contentsOf: buffer[0..<count])
      }
    }
    guard complete else { return nil }
    return bytes.withUnsafeBufferPointer { String(decoding: trimmedBytes($0), as: UTF8.self) }
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

  /// The absolute, `..`-free path a (possibly flattened) symlink at `path` points to, resolved lexically: the
  /// caller passes a canonical parent (the probe canonicalises the root, and resolves class links such as
  /// `class/infiniband/mlx5_0` before following links inside them). Dangling targets are still returned.
  static func resolveLink(_ path: String) -> String? {
    guard let target = linkTarget(path) else { return nil }
    return normalize(target.hasPrefix("/") ? target : Path.dirname(path) + "/" + target)
  }

  /// Removes `.` and `..` components (and empty ones) lexically, on the UTF-8 bytes: the result is `/` followed by
  /// the remaining components joined by `/`.
  static func normalize(_ path: String) -> String {
    var path = path
    return path.withUTF8 { bytes in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { out -> String in
        var length = 0
        var start = 0
        while start < bytes.count {
          var end = start
          while end < bytes.count && bytes[end] != slash { end += 1 }
          let component = UnsafeBufferPointer(rebasing: bytes[start..<end])
          start = end + 1
          if component.isEmpty || component.elementsEqual([dot]) { continue }
          if component.elementsEqual([dot, dot]) {
            while length > 0 && out[length - 1] != slash { length -= 1 }
            length = max(length - 1, 0)
            continue
          }
          out[length] = slash
          _ = UnsafeMutableBufferPointer(rebasing: out[(length + 1)...]).initialize(fromContentsOf: component)
          length += component.count + 1
        }
        guard length > 0 else { return "/" }
        return String(decoding: UnsafeMutableBufferPointer(rebasing: out[0..<length]), as: UTF8.self)
      }
    }
  }

  private static let slash = UInt8(ascii: "/")
  private static let dot = UInt8(ascii: ".")

  /// The part of `text` after the last occurrence of `marker`, compared byte for byte; nil when absent.
  static func suffix(of text: String, afterLast marker: String) -> Substring? {
    let haystack = text.utf8
    let needle = Array(marker.utf8)
    guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
    var start = haystack.index(haystack.endIndex, offsetBy: -needle.count)
    while true {
      if haystack[start...].starts(with: needle) {
        return text[haystack.index(start, offsetBy: needle.count)...]
      }
      guard start > haystack.startIndex else { return nil }
      start = haystack.index(before: start)
    }
  }

  /// True when the UTF-8 bytes of `text` contain those of `part` (no Unicode processing, unlike `contains`).
  static func bytes(of text: String, contain part: StaticString) -> Bool {
    let needle = UnsafeBufferPointer(start: part.utf8Start, count: part.utf8CodeUnitCount)
    var utf8 = text.utf8[...]
    while utf8.count >= needle.count {
      if utf8.starts(with: needle) { return true }
      utf8 = utf8.dropFirst()
    }
    return false
  }

  /// Entries of a directory sorted by name (numbers in names compared numerically); empty when missing.
  static func list(_ path: String) -> [String] {
    naturalSorted(FileSystem.list(path) ?? [])
  }

  /// Entries of a directory starting with `prefix`, naturally sorted.
  static func list(_ path: String, prefix: String) -> [String] {
    naturalSorted((FileSystem.list(path) ?? []).filter { $0.hasPrefix(prefix) })
  }

  /// `mlx5_2` before `mlx5_10`, `virtfn2` before `virtfn10` (keys computed once per name).
  static func naturalSorted(_ names: [String]) -> [String] {
    names.map { (name: $0, key: sortKey($0)) }.sorted { a, b in
      if a.key.stem == b.key.stem, let left = a.key.number, let right = b.key.number { return left < right }
      return a.name < b.name
    }.map(\.name)
  }

  /// True when `a` sorts before `b` naturally.
  static func naturalLess(_ a: String, _ b: String) -> Bool {
    naturalSorted([b, a]).first == a && a != b
  }

  private static func sortKey(_ text: String) -> (stem: Substring, number: Int?) {
    let utf8 = text.utf8
    var start = utf8.endIndex
    while start > utf8.startIndex, let digit = Optional(utf8[utf8.index(before: start)]), digit >= 48, digit <= 57 {
      start = utf8.index(before: start)
    }
    let digits = utf8.distance(from: start, to: utf8.endIndex)
    guard digits > 0, digits < 10 else { return (Substring(text), nil) }
    return (text[..<start], Int(text[start...]))
  }
}
