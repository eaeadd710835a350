/// Lexical path arithmetic for report links (no file system access): normalising and relative paths.
package enum ReportPath {
  /// `path` without `.` components, empty components or `..` after a named component (`/a/./b/../c` → `/a/c`).
  package static func normalized(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/") where part != "." {
      if part == "..", let last = parts.last, last != ".." {
        parts.removeLast()
      } else if !(part == ".." && path.hasPrefix("/") && parts.isEmpty) {
        parts.append(part)
      }
    }
    let joined = parts.joined(separator: "/")
    if path.hasPrefix("/") { return "/" + joined }
    return joined.isEmpty ? "." : joined
  }

  /// The path of `target` relative to the directory `base` (both absolute): `/r/p/report/x` and `/r/p/execute/a`
  /// give `../../execute/a`.
  package static func relative(_ target: String, from base: String) -> String {
    let to = normalized(target).split(separator: "/")
    let from = normalized(base).split(separator: "/")
    var common = 0
    while common < to.count, common < from.count, to[common] == from[common] { common += 1 }
    let ups = Array(repeating: "..", count: from.count - common)
    let rest = to[common...].map(String.init)
    let parts = ups + rest
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }
}
