import HPCBasics

/// Python `os.path` helpers fmf relies on (lexical: no symlink resolution).
enum FMFPath {
  /// `os.path.abspath(path)` with `base` as the working directory.
  static func absolute(_ path: String, from base: String) -> String {
    if path.hasPrefix("/") && isNormal(path) { return path }
    return normalize(path.hasPrefix("/") ? path : base + "/" + path)
  }

  /// True for `/` and absolute paths without empty, `.` or `..` components or a trailing slash.
  private static func isNormal(_ path: String) -> Bool {
    if path == "/" { return true }
    if path.hasSuffix("/") { return false }
    return !path.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).contains {
      $0.isEmpty || $0.elementsEqual(".".utf8) || $0.elementsEqual("..".utf8)
    }
  }

  /// `os.path.normpath` of an absolute path: collapses `//`, `.` and `..`.
  static func normalize(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }

  /// Python `str` ordering: code points (the same as UTF-8 byte order).
  static func pythonLess(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  /// `os.path.splitext(name)[0]` for a name ending in `.fmf` (leading dots never start an extension).
  static func stem(_ name: String) -> String {
    let stem = String(name.dropLast(4))
    return stem.allSatisfy { $0 == "." } ? name : stem
  }

  /// `os.path.relpath(path, root)`.
  static func relative(_ path: String, to root: String) -> String {
    let target = path.split(separator: "/")
    let base = root.split(separator: "/")
    var common = 0
    while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
    let ups = Array(repeating: "..", count: base.count - common)
    let rest = target[common...].map(String.init)
    let joined = (ups + rest).joined(separator: "/")
    return joined.isEmpty ? "." : joined
  }
}
