/// A small recursive-descent JSON parser over UTF-8 bytes.
struct JSONParser {
  private let bytes: [UInt8]
  private var index = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// The first value that parses, trying each `{` or `[` in turn (banners and headers may contain brackets).
  mutating func parseDocument() -> JSONValue? {
    var start = 0
    while let next = bytes[start...].firstIndex(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }) {
      index = next
      if let result = value(), !result.isEmptyContainer { return result }
      start = next + 1
    }
    return nil
  }

  private mutating func skipSpace() {
    while index < bytes.count, [0x20, 0x09, 0x0a, 0x0d].contains(bytes[index]) { index += 1 }
  }

  private mutating func value() -> JSONValue? {
    skipSpace()
    guard index < bytes.count else { return nil }
    switch bytes[index] {
    case UInt8(ascii: "{"): return object()
    case UInt8(ascii: "["): return array()
    case UInt8(ascii: "\""): return string().map(JSONValue.string)
    case UInt8(ascii: "t"): return literal("true", .bool(true))
    case UInt8(ascii: "f"): return literal("false", .bool(false))
    case UInt8(ascii: "n"): return literal("null", .null)
    default: return number()
    }
  }

  private mutating func literal(_ word: String, _ result: JSONValue) -> JSONValue? {
    let expected = Array(word.utf8)
    guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
      return nil
    }
    index += expected.count
    return result
  }

  private mutating func number() -> JSONValue? {
    let start = index
    let allowed = Set("+-0123456789.eE".utf8)
    while index < bytes.count, allowed.contains(bytes[index]) { index += 1 }
    return Double(String(decoding: bytes[start..<index], as: UTF8.self)).map(JSONValue.number)
  }

  private mutating func object() -> JSONValue? {
    index += 1
    var members: [(String, JSONValue)] = []
    while true {
      skipSpace()
      guard index < bytes.count else { return nil }
      if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
      if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
      guard let key = string() else { return nil }
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
      index += 1
      guard let member = value() else { return nil }
      members.append((key, member))
    }
  }

  private mutating func array() -> JSONValue? {
    index += 1
    var items: [JSONValue] = []
    while true {
      skipSpace()
      guard index < bytes.count else { return nil }
      if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
      if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
      guard let item = value() else { return nil }
      items.append(item)
    }
  }

  private mutating func string() -> String? {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
    index += 1
    var result: [UInt8] = []
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "\"") { return String(decoding: result, as: UTF8.self) }
      guard byte == UInt8(ascii: "\\"), index < bytes.count else { result.append(byte); continue }
      let escaped = bytes[index]
      index += 1
      switch escaped {
      case UInt8(ascii: "n"): result.append(0x0a)
      case UInt8(ascii: "t"): result.append(0x09)
      case UInt8(ascii: "r"): result.append(0x0d)
      case UInt8(ascii: "b"): result.append(0x08)
      case UInt8(ascii: "f"): result.append(0x0c)
      case UInt8(ascii: "u"): result += unicodeEscape()
      default: result.append(escaped)
      }
    }
    return nil
  }

  private mutating func unicodeEscape() -> [UInt8] {
    guard index + 4 <= bytes.count,
      let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
    else { return [] }
    index += 4
    return Array(String(Character(Unicode.Scalar(code) ?? "?")).utf8)
  }
}
