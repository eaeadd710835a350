/// PyYAML's rules (YAML 1.1 resolvers) for when a string may be written without quotes.
enum YAMLPlain {
  private static let reserved: Set<String> = [
    "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no",
    "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N", "=", "<<",
  ]
  private static let indicators: Set<Character> = [
    "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
  ]

  /// True when `text` reads back as the same string when written plain.
  static func isSafe(_ text: String) -> Bool {
    guard !reserved.contains(text), let first = text.first, let last = text.last else { return false }
    if first == " " || last == " " || text.contains(": ") || text.contains(" #") || last == ":" { return false }
    if indicators.contains(first) {
      // `-x`, `?x` and `:x` are plain when followed by a non-space; the others never start a plain scalar.
      guard "-?:".contains(first), text.count > 1, text.dropFirst().first != " " else { return false }
      if text.hasPrefix("---") { return false }
    }
    if text.unicodeScalars.contains(where: { $0.value > 0x7E }) { return false }
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
