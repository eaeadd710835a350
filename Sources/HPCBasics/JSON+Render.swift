extension JSON {
  /// Pretty-printed with two-space indentation and a final newline; arrays of scalars stay on one line.
  public func rendered() -> String { text(.pretty) + "\n" }

  /// On one line with Python's `json.dumps` separators: `{"a": [1, 2], "b": null}`.
  package var compact: String { text(.compact) }

  /// The JSON text in `format` (no final newline).
  public func text(_ format: Format) -> String {
    var renderer = JSONRenderer(format: format)
    renderer.write(self, depth: 0)
    return renderer.out
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

/// The text being written by one `JSON.text(_:)` call.
private struct JSONRenderer {
  let format: JSON.Format
  var out = ""

  mutating func write(_ value: JSON, depth: Int) {
    switch value {
    case .null: out += "null"
    case .bool(let flag): out += flag ? "true" : "false"
    case .number(let text): out += text
    case .string(let text): JSON.escape(text, into: &out, ascii: format.ensureASCII)
    case .array(let items) where format.inlineScalarArrays && !items.isEmpty && items.allSatisfy(\.isScalar):
      out += "["
      for (position, item) in items.enumerated() {
        if position > 0 { out += ", " }
        write(item, depth: depth)
      }
      out += "]"
    case .array(let items): list(items.map { (nil, $0) }, open: "[", close: "]", depth: depth)
    case .object(let members):
      let ordered =
        format.sortKeys ? members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) } : members
      list(ordered.map { ($0.0, $0.1) }, open: "{", close: "}", depth: depth)
    }
  }

  /// Members on lines of their own at `depth + 1` (or on one line without an indent), `,` between them.
  private mutating func list(_ items: [(String?, JSON)], open: String, close: String, depth: Int) {
    guard !items.isEmpty else { return out += open + close }
    out += open
    for (position, (key, value)) in items.enumerated() {
      if position > 0 { out += format.indent == nil ? ", " : "," }
      newline(depth + 1)
      if let key {
        JSON.escape(key, into: &out, ascii: format.ensureASCII)
        out += ": "
      }
      write(value, depth: depth + 1)
    }
    newline(depth)
    out += close
  }

  private mutating func newline(_ depth: Int) {
    guard let indent = format.indent else { return }
    out += "\n" + String(repeating: " ", count: indent * depth)
  }
}
