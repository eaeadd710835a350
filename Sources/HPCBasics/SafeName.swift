/// tmt's `sanitize_name`: every run of characters other than word characters, `-` (and `/` when allowed) becomes
/// one `-`, then leading and trailing `-` are stripped. Paths derived from plan, test, phase and guest names go
/// through it, so a name like `/../../x` cannot leave the run directory (`/-/-/x`).
public enum SafeName {
  /// The sanitized `name`; slashes kept when `allowSlash` (tmt's `safe_name`), replaced otherwise
  /// (`pathless_safe_name`).
  public static func sanitize(_ name: String, allowSlash: Bool = true) -> String {
    var result = ""
    var inRun = false
    for character in name {
      if isWord(character) || character == "-" || (allowSlash && character == "/") {
        result.append(character)
        inRun = false
      } else if !inRun {
        result.append("-")
        inRun = true
      }
    }
    return String(result.drop { $0 == "-" }.reversed().drop { $0 == "-" }.reversed())
  }

  /// The directory of a named object relative to its parent, as tmt derives it: `safe_name.lstrip("/")`, with
  /// `fallback` for a name that sanitizes to nothing.
  public static func relativePath(_ name: String, fallback: String = "default") -> String {
    let path = String(sanitize(name).drop { $0 == "/" })
    return path.isEmpty ? fallback : path
  }

  /// True when `relative` is a path that stays below its base: not absolute, no `..` or `.` component.
  public static func staysInside(_ relative: String) -> Bool {
    !relative.hasPrefix("/") && !relative.split(separator: "/").contains { $0 == ".." || $0 == "." }
  }

  /// Python's `\w` for `str` patterns: Unicode letters, digits and the underscore.
  private static func isWord(_ character: Character) -> Bool {
    character == "_" || character.isLetter || character.isNumber
  }
}
