/// Why a scalar could not be constructed, with the message Python would give.
struct ConstructorFailure: Error, Sendable {
  /// Python's message (`invalid literal for int() with base 10: 'x'`, `month must be in 1..12`, ...).
  var message: String
}

/// Builds typed values from scalar text the way ruamel's `SafeConstructor` does; failures carry
/// Python's message.
enum ScalarConstructor {
  /// `construct_yaml_int`: underscores dropped, sign, `0b`/`0x`/`0o` prefixes, otherwise decimal.
  static func int(_ text: String) -> Result<Int, ConstructorFailure> {
    var digits = Array(text.utf8.filter { $0 != UInt8(ascii: "_") })
    guard let first = digits.first else { return .failure(ConstructorFailure(message: "string index out of range")) }
    let negative = first == UInt8(ascii: "-")
    if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { digits.removeFirst() }
    var radix = 10
    if digits.count >= 2 && digits[0] == UInt8(ascii: "0") {
      switch digits[1] {
      case UInt8(ascii: "b"): radix = 2
      case UInt8(ascii: "x"): radix = 16
      case UInt8(ascii: "o"): radix = 8
      default: break
      }
      if radix != 10 { digits.removeFirst(2) }
    }
    let body = String(decoding: digits, as: UTF8.self)
    let trimmed = radix == 10 ? trimSpaces(body) : body
    let valid = trimmed.utf8.allSatisfy { c in
      c < 0x80 && (Character(Unicode.Scalar(c)).hexDigitValue.map { $0 < radix } ?? false)
    }
    guard !trimmed.isEmpty, valid else {
      return .failure(ConstructorFailure(message: "invalid literal for int() with base \(radix): '\(body)'"))
    }
    guard let magnitude = UInt(trimmed, radix: radix) else {
      return .failure(ConstructorFailure(message: "integer \(text) does not fit in 64 bits"))
    }
    let limit = negative ? UInt(Int.max) + 1 : UInt(Int.max)
    guard magnitude <= limit else {
      return .failure(ConstructorFailure(message: "integer \(text) does not fit in 64 bits"))
    }
    return .success(negative ? Int(truncatingIfNeeded: 0 &- magnitude) : Int(magnitude))
  }

  /// `construct_yaml_float`: underscores dropped, lower-cased, `.inf`/`.nan`, otherwise Python `float()`.
  static func float(_ text: String) -> Result<Double, ConstructorFailure> {
    let cleaned = String(decoding: text.utf8.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self).lowercased()
    guard let first = cleaned.utf8.first else {
      return .failure(ConstructorFailure(message: "string index out of range"))
    }
    var body = Substring(cleaned)
    let negative = first == UInt8(ascii: "-")
    if negative || first == UInt8(ascii: "+") { body = body.dropFirst() }
    if body == ".inf" { return .success(negative ? -.infinity : .infinity) }
    if body == ".nan" { return .success(.nan) }
    let candidate = trimSpaces(String(body))
    let allowed = candidate.utf8.allSatisfy { c in
      ScalarResolver.isDigit(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "+")
        || c == UInt8(ascii: "-") || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") && c != UInt8(ascii: "x"))
    }
    guard allowed, !candidate.isEmpty, let value = Double(candidate) else {
      return .failure(ConstructorFailure(message: "could not convert string to float: '\(body)'"))
    }
    return .success(negative ? -value : value)
  }

  /// `construct_yaml_bool`: `yes/no/y/n/true/false/on/off` in any case.
  static func bool(_ text: String) -> Result<Bool, ConstructorFailure> {
    switch text.lowercased() {
    case "yes", "y", "true", "on": .success(true)
    case "no", "n", "false", "off": .success(false)
    default: .failure(ConstructorFailure(message: "could not convert string to bool: '\(text)'"))
    }
  }

  private static func trimSpaces(_ text: String) -> String {
    let bytes = Array(text.utf8)
    let isSpace: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
    guard let start = bytes.firstIndex(where: { !isSpace($0) }), let end = bytes.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(decoding: bytes[start...end], as: UTF8.self)
  }
}
