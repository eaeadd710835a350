/// The implicit tag of a plain scalar under ruamel.yaml's YAML 1.2 resolver (the regexes of
/// `ruamel.yaml.resolver`, tried in ruamel's order: bool, float, int, merge, null, timestamp, value).
package enum ImplicitTag: Sendable, Hashable {
  case string, null, bool, int, float, timestamp, merge, value
}

/// Byte-level matchers equivalent to ruamel's YAML 1.2 implicit resolver regexes.
package enum ScalarResolver {
  /// The implicit tag of the plain scalar `text`.
  package static func resolve(_ text: String) -> ImplicitTag {
    var text = text
    return text.withUTF8 { resolve($0) }
  }

  /// The implicit tag of the plain scalar given as UTF-8 bytes.
  static func resolve(_ s: UnsafeBufferPointer<UInt8>) -> ImplicitTag {
    guard let first = s.first else { return .null }
    switch first {
    case UInt8(ascii: "~"): return s.count == 1 ? .null : .string
    case UInt8(ascii: "n"), UInt8(ascii: "N"):
      return s.count == 4 && isWord(s, ["null", "Null", "NULL"]) ? .null : .string
    case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
      return (4...5).contains(s.count) && isWord(s, ["true", "True", "TRUE", "false", "False", "FALSE"])
        ? .bool : .string
    case UInt8(ascii: "<"): return s.count == 2 && s[1] == UInt8(ascii: "<") ? .merge : .string
    case UInt8(ascii: "="): return s.count == 1 ? .value : .string
    case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
      if isFloat(s) { return .float }
      if first != UInt8(ascii: "."), isInt(s) { return .int }
      if isDigit(first), isTimestamp(s) { return .timestamp }
      return .string
    default: return .string
    }
  }

  private static func isWord(_ s: UnsafeBufferPointer<UInt8>, _ words: [StaticString]) -> Bool {
    words.contains { word in
      word.utf8CodeUnitCount == s.count && (0..<s.count).allSatisfy { word.utf8Start[$0] == s[$0] }
    }
  }

  static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

  /// `[-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+]?[0-9]+)? | [-+]?[0-9][0-9_]*[eE][-+]?[0-9]+
  /// | [-+]?\.[0-9_]+([eE][-+][0-9]+)? | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)`
  static func isFloat(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
    var cursor = ByteCursor(s)
    if cursor.peek == UInt8(ascii: "."), cursor.rest(equalsAnyOf: [".nan", ".NaN", ".NAN"]) { return true }
    cursor.skipSign()
    if cursor.peek == UInt8(ascii: ".") {
      if cursor.rest(equalsAnyOf: [".inf", ".Inf", ".INF"]) { return true }
      cursor.advance()
      guard cursor.skip(while: { isDigit($0) || $0 == UInt8(ascii: "_") }) > 0 else { return false }
      if cursor.atEnd { return true }
      return cursor.skipExponent(signRequired: true) && cursor.atEnd
    }
    guard let first = cursor.peek, isDigit(first) else { return false }
    cursor.skip { isDigit($0) || $0 == UInt8(ascii: "_") }
    if cursor.peek == UInt8(ascii: ".") {
      cursor.advance()
      cursor.skip { isDigit($0) || $0 == UInt8(ascii: "_") }
      if cursor.atEnd { return true }
    } else if cursor.atEnd {
      return false
    }
    return cursor.skipExponent(signRequired: false) && cursor.atEnd
  }

  /// `[-+]?0b[0-1_]+ | [-+]?0o?[0-7_]+ | [-+]?[0-9_]+ | [-+]?0x[0-9a-fA-F_]+`
  static func isInt(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
    var cursor = ByteCursor(s)
    cursor.skipSign()
    let body = cursor
    if cursor.skip(while: { isDigit($0) || $0 == UInt8(ascii: "_") }) > 0, cursor.atEnd { return true }
    cursor = body
    guard cursor.peek == UInt8(ascii: "0") else { return false }
    cursor.advance()
    let radixMark = cursor.peek
    cursor.advance()
    let accepted: (UInt8) -> Bool
    switch radixMark {
    case UInt8(ascii: "b"): accepted = { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") || $0 == UInt8(ascii: "_") }
    case UInt8(ascii: "o"):
      accepted = { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7")) || $0 == UInt8(ascii: "_") }
    case UInt8(ascii: "x"): accepted = { isHexDigit($0) || $0 == UInt8(ascii: "_") }
    default: return false
    }
    return cursor.skip(while: accepted) > 0 && cursor.atEnd
  }

  static func isHexDigit(_ c: UInt8) -> Bool {
    isDigit(c) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f"))
      || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "F"))
  }

  /// `\d{4}-\d\d-\d\d | \d{4}-\d\d?-\d\d?([Tt]|[ \t]+)\d\d?:\d\d:\d\d(\.\d*)?([ \t]*(Z|[-+]\d\d?(:\d\d)?))?`
  static func isTimestamp(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
    var cursor = ByteCursor(s)
    guard cursor.digits(4...4), cursor.eat(UInt8(ascii: "-")) else { return false }
    let monthDigits = cursor.skip(while: isDigit)
    guard (1...2).contains(monthDigits), cursor.eat(UInt8(ascii: "-")) else { return false }
    let dayDigits = cursor.skip(while: isDigit)
    guard (1...2).contains(dayDigits) else { return false }
    if cursor.atEnd { return monthDigits == 2 && dayDigits == 2 }
    return TimestampParser.matchTime(&cursor) && cursor.atEnd
  }
}
