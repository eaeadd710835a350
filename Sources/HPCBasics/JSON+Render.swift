extension JSON {
  /// Pretty-printed with two-space indentation and a final newline; arrays of scalars stay on one line.
  public func rendered() -> String {
    var out = ""
    write(into: &out, indent: 0)
    return out + "\n"
  }

  /// On one line with Python's `json.dumps` separators: `{"a": [1, 2], "b": null}`.
  package var compact: String {
    var out = ""
    writeCompact(into: &out)
    return out
  }

  private func writeCompact(into out: inout String) {
    switch self {
    case .array(let items):
      out += "["
      for (position, item) in items.enumerated() {
        if position > 0 { out += ", " }
        item.writeCompact(into: &out)
      }
      out += "]"
    case .object(let pairs):
      out += "{"
      for (position, (key, value)) in pairs.enumerated() {
        if position > 0 { out += ", " }
        JSON.escape(key, into: &out)
        out += ": "
        value.writeCompact(into: &out)
      }
      out += "}"
    default: writeScalar(into: &out)
    }
  }

  private func writeScalar(into out: inout String) {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .number(let value): out += value
    case .string(let value): JSON.escape(value, into: &out)
    case .array, .object: writeCompact(into: &out)
    }
  }

  private func write(into out: inout String, indent: Int) {
    switch self {
    case .array(let items) where !items.isEmpty && items.allSatisfy(\.isScalar): writeCompact(into: &out)
    case .array(let items): writeList(items.map { (nil, $0) }, open: "[", close: "]", into: &out, indent: indent)
    case .object(let pairs): writeList(pairs.map { ($0.0, $0.1) }, open: "{", close: "}", into: &out, indent: indent)
    default: writeScalar(into: &out)
    }
  }

  private func writeList(
    _ items: [(String?, JSON)], open: String, close: String, into out: inout String, indent: Int
  ) {
    guard !items.isEmpty else { return out += open + close }
    let pad = String(repeating: "  ", count: indent + 1)
    out += open + "\n"
    for (position, (key, value)) in items.enumerated() {
      out += pad
      if let key {
        JSON.escape(key, into: &out)
        out += ": "
      }
      value.write(into: &out, indent: indent + 1)
      out += position + 1 < items.count ? ",\n" : "\n"
    }
    out += String(repeating: "  ", count: indent) + close
  }

  /// `text` as a JSON string literal, escaped as Python's `json.dumps` does: `"`, `\`, newline, tab, carriage
  /// return, backspace and form feed by name, other control characters as `\u00XX` (lower-case hex); with
  /// `ascii` (`ensure_ascii=True`) everything outside printable ASCII as `\uXXXX` UTF-16 units too.
  package static func quote(_ text: String, ascii: Bool = false) -> String {
    var out = ""
    escape(text, into: &out, ascii: ascii)
    return out
  }

  /// Appends `text` as a JSON string literal (see ``quote(_:ascii:)``).
  package static func escape(_ text: String, into out: inout String, ascii: Bool = false) {
    out += "\""
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5c || (ascii && $0 > 0x7E) }) {
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
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case _ where scalar.value < 0x20 || (ascii && scalar.value > 0x7E):
        for unit in String(scalar).utf16 {
          let digits = String(unit, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
        }
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
