extension JSON {
  /// Pretty-printed with two-space indentation and a final newline; arrays of scalars stay on one line.
  public func rendered() -> String {
    var renderer = JSONRenderer(format: .pretty)
    renderer.write(self, depth: 0)
    renderer.out.append(0x0a)
    return String(decoding: renderer.out, as: UTF8.self)
  }

  /// On one line with Python's `json.dumps` separators: `{"a": [1, 2], "b": null}`.
  package var compact: String { text(.compact) }

  /// The JSON text in `format` (no final newline).
  public func text(_ format: Format) -> String {
    var renderer = JSONRenderer(format: format)
    renderer.write(self, depth: 0)
    return String(decoding: renderer.out, as: UTF8.self)
  }

  /// `text` as a JSON string literal, escaped as Python's `json.dumps` does: `"`, `\`, newline, tab, carriage
  /// return, backspace and form feed by name, other control characters as `\u00XX` (lower-case hex); with
  /// `ascii` (`ensure_ascii=True`) everything outside printable ASCII as `\uXXXX` UTF-16 units too.
  package static func quote(_ text: String, ascii: Bool = false) -> String {
    var out = ""
    escape(text, into: &out, ascii: ascii)
    return out
  }

  /// Appends `text` as a JSON string literal in UTF-8 (see ``quote(_:ascii:)``); text that needs no escape is
  /// copied whole.
  static func escape(_ text: String, into out: inout [UInt8], ascii: Bool) {
    let utf8 = text.utf8
    guard utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5c || (ascii && $0 > 0x7E) }) else {
      out.append(0x22)
      out.append(contentsOf: utf8)
      out.append(0x22)
      return
    }
    var escaped = ""
    escape(text, into: &escaped, ascii: ascii)
    out.append(contentsOf: escaped.utf8)
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

/// The UTF-8 text being written by one `JSON.text(_:)` call: bytes appended to one buffer (no intermediate
/// strings per member, indentation from one run of spaces), turned into a `String` once at the end.
private struct JSONRenderer {
  let format: JSON.Format
  var out: [UInt8] = []

  mutating func write(_ value: JSON, depth: Int) {
    switch value {
    case .null: append("null")
    case .bool(let flag): append(flag ? "true" : "false")
    case .number(let text): append(text)
    case .string(let text): JSON.escape(text, into: &out, ascii: format.ensureASCII)
    case .array(let items) where format.inlineScalarArrays && !items.isEmpty && items.allSatisfy(\.isScalar):
      out.append(UInt8(ascii: "["))
      for position in items.indices {
        if position > 0 { append(", ") }
        write(items[position], depth: depth)
      }
      out.append(UInt8(ascii: "]"))
    case .array(let items):
      guard !items.isEmpty else { return append("[]") }
      out.append(UInt8(ascii: "["))
      for position in items.indices {
        separate(position, depth: depth)
        write(items[position], depth: depth + 1)
      }
      close("]", depth: depth)
    case .object(let members):
      let ordered =
        format.sortKeys ? members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) } : members
      self.members(ordered, depth: depth)
    }
  }

  /// Members on lines of their own at `depth + 1` (or on one line without an indent), `,` between them.
  private mutating func members(_ members: [(String, JSON)], depth: Int) {
    guard !members.isEmpty else { return append("{}") }
    out.append(UInt8(ascii: "{"))
    for position in members.indices {
      separate(position, depth: depth)
      JSON.escape(members[position].0, into: &out, ascii: format.ensureASCII)
      append(": ")
      write(members[position].1, depth: depth + 1)
    }
    close("}", depth: depth)
  }

  /// The separator before the item at `position` of a container at `depth`, and its line break.
  private mutating func separate(_ position: Int, depth: Int) {
    if position > 0 { format.indent == nil ? append(", ") : out.append(UInt8(ascii: ",")) }
    newline(depth + 1)
  }

  /// The line break before a container's closing bracket, and the bracket.
  private mutating func close(_ bracket: Unicode.Scalar, depth: Int) {
    newline(depth)
    out.append(UInt8(ascii: bracket))
  }

  private mutating func newline(_ depth: Int) {
    guard let indent = format.indent else { return }
    out.append(0x0a)
    out.append(contentsOf: repeatElement(0x20, count: indent * depth))
  }

  private mutating func append(_ text: String) { out.append(contentsOf: text.utf8) }
}
