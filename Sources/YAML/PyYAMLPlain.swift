/// PyYAML's rules (YAML 1.1 resolvers) for when a string may be written without quotes.
///
/// Decided on the UTF-8 bytes: `isSafe` rejects every byte above 0x7E and its callers reject control characters
/// first, so the number and timestamp forms are checked on printable ASCII only, where a byte is a character.
enum PyYAMLPlain {
  private static let reserved: Set<String> = [
    "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no",
    "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N", "=", "<<",
  ]
  private static let infinitiesAndNaNs: Set<String> = [".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"]

  /// The text's bytes, as the checks below take them.
  typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

  /// True when `text` reads back as the same string when written plain.
  static func isSafe(_ text: String) -> Bool {
    // Every reserved word is at most 5 bytes: longer texts skip the hashing.
    guard text.utf8.count > 5 || !reserved.contains(text) else { return false }
    if let safe = text.utf8.withContiguousStorageIfAvailable({ isSafe($0[...]) }) { return safe }
    return Array(text.utf8).withUnsafeBufferPointer { isSafe($0[...]) }
  }

  private static func isSafe(_ text: Bytes) -> Bool {
    guard let first = text.first, let last = text.last else { return false }
    var previous: UInt8 = 0
    for byte in text {
      // non-ASCII, `: ` and ` #` force quotes
      if byte > 0x7E || (previous == colon && byte == space) || (previous == space && byte == hash) { return false }
      previous = byte
    }
    if first == space || last == space || last == colon { return false }
    if isIndicator(first) {
      // `-x`, `?x` and `:x` are plain when followed by a non-space; the others never start a plain scalar.
      guard first == minus || first == question || first == colon, text.count > 1, text.dropFirst().first != space
      else { return false }
      if text.starts(with: [minus, minus, minus]) { return false }
    }
    let digitLike = isDigit(first) || first == dot || first == minus || first == plus
    guard digitLike else { return true }
    return !looksNumeric(text) && !looksLikeTimestamp(text)
  }

  private static let space = UInt8(ascii: " "), colon = UInt8(ascii: ":"), hash = UInt8(ascii: "#")
  private static let minus = UInt8(ascii: "-"), plus = UInt8(ascii: "+"), dot = UInt8(ascii: ".")
  private static let question = UInt8(ascii: "?"), underscore = UInt8(ascii: "_")

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  private static func isDigitOrUnderscore(_ byte: UInt8) -> Bool { isDigit(byte) || byte == underscore }

  /// The characters that never start a plain scalar (`-`, `?`, `:` only before a space or alone).
  private static func isIndicator(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
      UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
      UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
      UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
      true
    default: false
    }
  }

  /// YAML 1.1 int/float forms (including sexagesimal `1:30`, `0x1F` and `.inf`).
  private static func looksNumeric(_ text: Bytes) -> Bool {
    var body = text
    if let sign = body.first, sign == minus || sign == plus { body = body.dropFirst() }
    if body.count == 4 && infinitiesAndNaNs.contains(String(decoding: body, as: UTF8.self)) { return true }
    guard let first = body.first, isDigit(first) || first == dot else { return false }
    if body.count >= 2 && first == UInt8(ascii: "0") {
      let second = body[body.index(after: body.startIndex)]
      if second == UInt8(ascii: "x") || second == UInt8(ascii: "b") { return true }
    }
    if body.contains(colon) { return sexagesimal(body) }
    if body.allSatisfy(isDigitOrUnderscore) { return true }
    return isFloat(body)
  }

  /// `[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)?` or `\.[0-9_]+([eE][-+][0-9]+)?`.
  private static func isFloat(_ body: Bytes) -> Bool {
    var mantissa = body
    if let e = body.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
      mantissa = body[..<e]
      let exponent = body[body.index(after: e)...]
      guard let sign = exponent.first, sign == minus || sign == plus, exponent.count > 1,
        exponent.dropFirst().allSatisfy(isDigit)
      else { return false }
    }
    // Exactly one dot, with digits (or underscores) on both sides and at least one digit after a leading dot.
    guard let point = mantissa.firstIndex(of: dot) else { return false }
    let whole = mantissa[..<point], fraction = mantissa[mantissa.index(after: point)...]
    guard !fraction.contains(dot), !(whole.isEmpty && fraction.isEmpty) else { return false }
    return whole.allSatisfy(isDigitOrUnderscore) && fraction.allSatisfy(isDigitOrUnderscore)
      && (whole.isEmpty ? !fraction.isEmpty : true)
  }

  /// `[1-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?`.
  private static func sexagesimal(_ body: Bytes) -> Bool {
    guard let firstColon = body.firstIndex(of: colon) else { return false }
    let head = body[..<firstColon]
    guard let lead = head.first, lead != UInt8(ascii: "0"), isDigit(lead), head.allSatisfy(isDigitOrUnderscore)
    else { return false }
    var rest = body[body.index(after: firstColon)...]
    while true {
      let end = rest.firstIndex(of: colon)
      var digits = end.map { rest[..<$0] } ?? rest
      if end == nil, let point = digits.firstIndex(of: dot) { digits = digits[..<point] }
      guard (1...2).contains(digits.count), digits.allSatisfy(isDigit) else { return false }
      if digits.reduce(0, { $0 * 10 + Int($1 - 0x30) }) >= 60 { return false }
      guard let end else { return true }
      rest = rest[rest.index(after: end)...]
    }
  }

  /// `YYYY-MM-DD...` dates and timestamps.
  private static func looksLikeTimestamp(_ text: Bytes) -> Bool {
    guard text.count >= 8 else { return false }
    let start = text.startIndex
    return text[start..<start + 4].allSatisfy(isDigit) && text[start + 4] == minus && isDigit(text[start + 5])
  }
}
