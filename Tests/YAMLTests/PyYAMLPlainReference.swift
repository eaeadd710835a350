// The character-based implementation of PyYAMLPlain before it was rewritten on bytes (2026-12-05), kept as the
// oracle of PyYAMLPlainTests: the rewrite must decide every printable-ASCII text the same way.
/// PyYAML's rules (YAML 1.1 resolvers) for when a string may be written without quotes.
enum PyYAMLPlainReference {
  private static let reserved: Set<String> = [
    "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no",
    "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N", "=", "<<",
  ]
  private static let indicators: Set<Character> = [
    "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
  ]

  /// True when `text` reads back as the same string when written plain.
  static func isSafe(_ text: String) -> Bool {
    // Every reserved word is at most 5 bytes: longer texts skip the hashing.
    guard text.utf8.count > 5 || !reserved.contains(text), let first = text.utf8.first, let last = text.utf8.last else {
      return false
    }
    var previous: UInt8 = 0
    for byte in text.utf8 {
      // non-ASCII, `: ` and ` #` force quotes
      if byte > 0x7E || (previous == UInt8(ascii: ":") && byte == 0x20)
        || (previous == 0x20 && byte == UInt8(ascii: "#"))
      {
        return false
      }
      previous = byte
    }
    if first == 0x20 || last == 0x20 || last == UInt8(ascii: ":") { return false }
    let head = Character(Unicode.Scalar(first))
    if indicators.contains(head) {
      // `-x`, `?x` and `:x` are plain when followed by a non-space; the others never start a plain scalar.
      guard "-?:".contains(head), text.utf8.count > 1, text.utf8.dropFirst().first != 0x20 else { return false }
      if text.hasPrefix("---") { return false }
    }
    let digitLike =
      (first >= 0x30 && first <= 0x39) || first == UInt8(ascii: ".") || first == UInt8(ascii: "-")
      || first == UInt8(ascii: "+")
    guard digitLike else { return true }
    return !looksNumeric(text) && !looksLikeTimestamp(text)
  }

  /// YAML 1.1 int/float forms (including sexagesimal `1:30`, `0x1F` and `.inf`).
  private static func looksNumeric(_ text: String) -> Bool {
    var body = Substring(text)
    if body.first == "-" || body.first == "+" { body = body.dropFirst() }
    if [".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"].contains(String(body)) { return true }
    guard let first = body.first, first.isASCII, first.isNumber || first == "." else { return false }
    if body.hasPrefix("0x") || body.hasPrefix("0b") { return true }
    if body.contains(":") { return sexagesimal(body) }
    if body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "_") }) { return true }
    return isFloat(body)
  }

  /// `[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)?` or `\.[0-9_]+([eE][-+][0-9]+)?`.
  private static func isFloat(_ body: Substring) -> Bool {
    var mantissa = body
    if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = body[..<e]
      let exponent = body[body.index(after: e)...]
      guard let sign = exponent.first, sign == "-" || sign == "+", exponent.count > 1,
        exponent.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })
      else { return false }
    }
    let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, !(parts[0].isEmpty && parts[1].isEmpty) else { return false }
    let digits = { (part: Substring) in part.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "_") } }
    return digits(parts[0]) && digits(parts[1]) && (parts[0].isEmpty ? !parts[1].isEmpty : true)
  }

  /// `[1-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?`.
  private static func sexagesimal(_ body: Substring) -> Bool {
    let parts = body.split(separator: ":", omittingEmptySubsequences: false)
    guard let head = parts.first, let lead = head.first, lead != "0", lead.isNumber,
      head.allSatisfy({ $0.isNumber || $0 == "_" })
    else { return false }
    for (index, part) in parts.dropFirst().enumerated() {
      var digits = part
      if index == parts.count - 2, let dot = part.firstIndex(of: ".") { digits = part[..<dot] }
      guard (1...2).contains(digits.count), digits.allSatisfy(\.isNumber), let value = Int(digits), value < 60
      else { return false }
    }
    return true
  }

  /// `YYYY-MM-DD...` dates and timestamps.
  private static func looksLikeTimestamp(_ text: String) -> Bool {
    let chars = Array(text)
    guard chars.count >= 8, chars[0...3].allSatisfy(\.isNumber), chars[4] == "-" else { return false }
    return chars[5].isNumber
  }
}
