/// A parsed JSON value (test support: reads the reference's expected dumps).
indirect enum JSON: Equatable, CustomStringConvertible {
  case null
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)
  case array([JSON])
  case object([String: JSON])

  /// Member `key` of an object.
  subscript(key: String) -> JSON? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  var description: String {
    switch self {
    case .null: return "null"
    case .bool(let flag): return String(flag)
    case .int(let number): return String(number)
    case .float(let number): return String(number)
    case .string(let text): return "\"" + text + "\""
    case .array(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
    case .object(let members):
      let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
      return "{" + sorted.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
    }
  }

  /// Parses a JSON document.
  static func parse(_ bytes: [UInt8]) throws -> JSON {
    var parser = JSONParser(bytes: bytes)
    let value = try parser.value()
    parser.skipSpace()
    guard parser.index == bytes.count else { throw JSONParser.Failure(offset: parser.index) }
    return value
  }
}

/// A small recursive-descent JSON parser.
struct JSONParser {
  struct Failure: Error { var offset: Int }
  let bytes: [UInt8]
  var index = 0

  mutating func skipSpace() {
    while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
  }

  mutating func value() throws -> JSON {
    skipSpace()
    guard index < bytes.count else { throw Failure(offset: index) }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    default: return try number()
    }
  }

  private mutating func literal(_ word: String, _ result: JSON) throws -> JSON {
    let end = index + word.utf8.count
    guard end <= bytes.count, Array(bytes[index..<end]) == Array(word.utf8) else { throw Failure(offset: index) }
    index = end
    return result
  }

  private mutating func object() throws -> JSON {
    index += 1
    var members: [String: JSON] = [:]
    skipSpace()
    if bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipSpace()
      let key = try string()
      skipSpace()
      guard bytes[index] == UInt8(ascii: ":") else { throw Failure(offset: index) }
      index += 1
      members[key] = try value()
      skipSpace()
      let separator = bytes[index]
      index += 1
      if separator == UInt8(ascii: "}") { return .object(members) }
      guard separator == UInt8(ascii: ",") else { throw Failure(offset: index) }
    }
  }

  private mutating func array() throws -> JSON {
    index += 1
    var items: [JSON] = []
    skipSpace()
    if bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(items)
    }
    while true {
      items.append(try value())
      skipSpace()
      let separator = bytes[index]
      index += 1
      if separator == UInt8(ascii: "]") { return .array(items) }
      guard separator == UInt8(ascii: ",") else { throw Failure(offset: index) }
    }
  }

  private mutating func string() throws -> String {
    guard bytes[index] == UInt8(ascii: "\"") else { throw Failure(offset: index) }
    index += 1
    var scalars = String.UnicodeScalarView()
    var raw: [UInt8] = []
    func flush() {
      scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
      raw.removeAll()
    }
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "\"") {
        flush()
        return String(scalars)
      }
      guard byte == UInt8(ascii: "\\") else {
        raw.append(byte)
        continue
      }
      flush()
      let escape = bytes[index]
      index += 1
      switch escape {
      case UInt8(ascii: "n"): scalars.append("\n")
      case UInt8(ascii: "t"): scalars.append("\t")
      case UInt8(ascii: "r"): scalars.append("\r")
      case UInt8(ascii: "b"): scalars.append("\u{08}")
      case UInt8(ascii: "f"): scalars.append("\u{0C}")
      case UInt8(ascii: "u"): scalars.append(try unicodeEscape())
      default: scalars.append(Unicode.Scalar(escape))
      }
    }
    throw Failure(offset: index)
  }

  private mutating func hex4() throws -> UInt32 {
    guard index + 4 <= bytes.count,
      let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16)
    else { throw Failure(offset: index) }
    index += 4
    return value
  }

  private mutating func unicodeEscape() throws -> Unicode.Scalar {
    let first = try hex4()
    if first >= 0xD800 && first < 0xDC00, index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\") {
      index += 2
      let second = try hex4()
      let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
      return Unicode.Scalar(combined) ?? "\u{FFFD}"
    }
    return Unicode.Scalar(first) ?? "\u{FFFD}"
  }

  private mutating func number() throws -> JSON {
    let start = index
    var isFloat = false
    while index < bytes.count, let scalar = Optional(Unicode.Scalar(bytes[index])),
      "+-0123456789.eE".unicodeScalars.contains(scalar) || "NaIinfity".unicodeScalars.contains(scalar)
    {
      if ".eE".unicodeScalars.contains(scalar) { isFloat = true }
      index += 1
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if !isFloat, let number = Int(text) { return .int(number) }
    guard let number = Double(text) else { throw Failure(offset: start) }
    return .float(number)
  }
}
