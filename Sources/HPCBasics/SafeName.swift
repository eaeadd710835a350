/// tmt's `sanitize_name`: every run of characters other than word characters, `-` (and `/` when allowed) becomes
/// one `-`, then leading and trailing `-` are stripped. Paths derived from plan, test, phase and guest names go
/// through it, so a name like `/../../x` cannot leave the run directory (`/-/-/x`).
public enum SafeName {
  /// The sanitized `name`; slashes kept when `allowSlash` (tmt's `safe_name`), replaced otherwise
  /// (`pathless_safe_name`).
  public static func sanitize(_ name: String, allowSlash: Bool = true) -> String {
    sanitizeASCII(name, allowSlash: allowSlash) ?? sanitizeCharacters(name, allowSlash: allowSlash)
  }

  /// `sanitize` character by character (any name; the ASCII path must agree with it).
  static func sanitizeCharacters(_ name: String, allowSlash: Bool) -> String {
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

  /// `sanitize` for an all-ASCII name, on its UTF-8 bytes (nil when the name has a non-ASCII byte: Unicode letters
  /// and digits are word characters, which the `Character` path decides).
  static func sanitizeASCII(_ name: String, allowSlash: Bool) -> String? {
    var name = name
    return name.withUTF8 { bytes -> String? in
      var result: [UInt8] = []
      result.reserveCapacity(bytes.count)
      var inRun = false
      for byte in bytes {
        guard byte < 0x80 else { return nil }
        if isWordASCII(byte) || byte == UInt8(ascii: "-") || (allowSlash && byte == UInt8(ascii: "/")) {
          result.append(byte)
          inRun = false
        } else if !inRun {
          result.append(UInt8(ascii: "-"))
          inRun = true
        }
      }
      let first = result.firstIndex { $0 != UInt8(ascii: "-") } ?? result.endIndex
      let last = result.lastIndex { $0 != UInt8(ascii: "-") }.map { $0 + 1 } ?? first
      return String(decoding: result[first..<max(first, last)], as: UTF8.self)
    }
  }

  private static func isWordASCII(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "_"):
      return true
    default: return false
    }
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
