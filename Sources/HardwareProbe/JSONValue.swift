/// A JSON value with ordered object keys, rendered by hand (no Foundation) so output is byte-stable.
public indirect enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  /// A number already formatted (`16`, `2.5`).
  case number(String)
  case string(String)
  case array([JSONValue])
  /// Keys in the order given.
  case object([(String, JSONValue)])

  /// An integer, or null.
  static func int(_ value: (some BinaryInteger)?) -> JSONValue { value.map { .number(String($0)) } ?? .null }
  /// A double printed shortest-exact (`2.5`, `32.0` → `32`), or null.
  static func double(_ value: Double?) -> JSONValue {
    guard let value, value.isFinite else { return .null }
    return .number(value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value))
  }
  /// A string, or null.
  static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
  /// A boolean, or null.
  static func flag(_ value: Bool?) -> JSONValue { value.map { .bool($0) } ?? .null }

  /// Pretty-printed with two-space indentation and a final newline.
  public func rendered() -> String {
    var out = ""
    write(into: &out, indent: 0)
    return out + "\n"
  }

  private func write(into out: inout String, indent: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .number(let value): out += value
    case .string(let value): JSONValue.escape(value, into: &out)
    case .array(let items) where !items.isEmpty && items.allSatisfy(\.isScalar):
      out += "["
      for (position, item) in items.enumerated() {
        if position > 0 { out += ", " }
        item.write(into: &out, indent: indent)
      }
      out += "]"
    case .array(let items): writeList(items.map { (nil, $0) }, open: "[", close: "]", into: &out, indent: indent)
    case .object(let pairs): writeList(pairs.map { ($0.0, $0.1) }, open: "{", close: "}", into: &out, indent: indent)
    }
  }

  private func writeList(
    _ items: [(String?, JSONValue)], open: String, close: String, into out: inout String, indent: Int
  ) {
    guard !items.isEmpty else { return out += open + close }
    let pad = String(repeating: "  ", count: indent + 1)
    out += open + "\n"
    for (position, (key, value)) in items.enumerated() {
      out += pad
      if let key {
        JSONValue.escape(key, into: &out)
        out += ": "
      }
      value.write(into: &out, indent: indent + 1)
      out += position + 1 < items.count ? ",\n" : "\n"
    }
    out += String(repeating: "  ", count: indent) + close
  }

  /// True for null, booleans, numbers and strings.
  var isScalar: Bool {
    switch self {
    case .array, .object: false
    default: true
    }
  }

  /// Appends `text` as a JSON string literal.
  static func escape(_ text: String, into out: inout String) {
    out += "\""
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5c }) {
      out += text
      out += "\""
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      case _ where scalar.value < 0x20: out += "\\u" + hex(UInt64(scalar.value), width: 4)
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }

  /// Two values are equal when they render the same.
  public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }
  /// Hashes the rendering.
  public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }
}
