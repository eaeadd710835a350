import HPCBasics

/// Key conversion and canonical ordering for `JSONWriter`.
extension JSONOutput {
  /// The JSON key for a mapping key: strings as is, others as `dump_reference.py`'s `key_to_str`
  /// (conformance) or as Python's `json.dumps` converts them (`true`, `null`, `1`, `2.5`).
  func key(_ value: YAMLValue) -> String {
    if case .string(let text) = value { return text }
    guard conformanceTags else {
      switch value {
      case .bool(let flag): return flag ? "true" : "false"
      case .null: return "null"
      case .int(let number): return String(number)
      case .float(let number):
        return number.isFinite ? PythonFloat.repr(number) : number.isNaN ? "NaN" : number < 0 ? "-Infinity" : "Infinity"
      case .timestamp(let iso): return iso
      default: break
      }
      return JSONWriter(indent: nil, sortKeys: true, conformanceTags: false).string(value)
    }
    switch value {
    case .bool(let flag): return "!!bool " + (flag ? "true" : "false")
    case .null: return "!!null"
    case .int(let number): return "!!int " + String(number)
    case .float(let number): return "!!float " + PythonFloat.repr(number)
    case .timestamp(let iso): return "!!timestamp " + iso
    case .sequence: return "!!seq " + JSONWriter(indent: nil, sortKeys: true, conformanceTags: true).string(value)
    case .binary: return "!!bytes " + PythonFormat.repr(value)
    default: return "!!" + value.typeName + " " + PythonFormat.str(value)
    }
  }

  /// Python's `sorted()` over canonical set members: numbers numerically, strings by code point,
  /// mixed kinds by kind then text.
  static func canonicalOrder(_ a: YAMLValue, _ b: YAMLValue) -> Bool {
    if let x = a.doubleValue ?? a.boolValue.map({ $0 ? 1 : 0 }),
      let y = b.doubleValue ?? b.boolValue.map({ $0 ? 1 : 0 })
    {
      return x < y
    }
    if case .string(let x) = a, case .string(let y) = b { return x.utf8.lexicographicallyPrecedes(y.utf8) }
    let (rankA, rankB) = (rank(a), rank(b))
    if rankA != rankB { return rankA < rankB }
    let writer = JSONWriter(indent: nil, sortKeys: true, conformanceTags: true)
    let (x, y) = (writer.string(a), writer.string(b))
    return x.utf8.lexicographicallyPrecedes(y.utf8)
  }

  private static func rank(_ value: YAMLValue) -> Int {
    switch value {
    case .null, .bool, .int, .float: 0
    case .string: 1
    default: 2
    }
  }

}

/// Standard base64 with padding (Python's `base64.b64encode`).
enum Base64Encoder {
  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  /// The encoded text.
  static func encode(_ bytes: [UInt8]) -> String {
    var output: [UInt8] = []
    output.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let chunk = bytes[index..<min(index + 3, bytes.count)]
      var word: UInt32 = 0
      for (offset, byte) in chunk.enumerated() { word |= UInt32(byte) << (16 - 8 * offset) }
      for position in 0..<4 {
        output.append(position <= chunk.count ? alphabet[Int((word >> (18 - 6 * position)) & 0x3F)] : UInt8(ascii: "="))
      }
      index += 3
    }
    return String(decoding: output, as: UTF8.self)
  }
}
