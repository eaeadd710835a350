/// Python's `str()` and `repr()` of loaded YAML values, for messages that quote values as tmt/fmf do.
public enum PythonFormat {
  /// `str(value)`: strings bare, `True`, `None`, `1.5`, `[1, 'a']`, `{'a': 1}`, `2024-01-15 10:20:30+00:00`.
  public static func str(_ value: YAMLValue) -> String {
    switch value {
    case .string(let text): text
    case .timestamp(let text): text.replacing("T", with: " ", maxReplacements: 1)
    default: repr(value)
    }
  }

  /// `str(key)` of a mapping key: lists became tuples when loaded as keys (`(1, 'a')`, `(1.0,)`).
  public static func keyStr(_ value: YAMLValue) -> String {
    guard case .sequence = value else { return str(value) }
    return tupleRepr(value)
  }

  private static func tupleRepr(_ value: YAMLValue) -> String {
    guard case .sequence(let items) = value else { return repr(value) }
    let inner = items.map { tupleRepr($0.value) }
    return "(" + inner.joined(separator: ", ") + (inner.count == 1 ? ",)" : ")")
  }

  /// `repr(value)`: strings quoted as Python quotes them.
  public static func repr(_ value: YAMLValue) -> String {
    switch value {
    case .null: "None"
    case .bool(let flag): flag ? "True" : "False"
    case .int(let number): String(number)
    case .float(let number): PythonFloat.repr(number)
    case .string(let text): repr(text)
    case .timestamp(let text): "'" + text + "'"
    case .binary(let bytes): bytesRepr(bytes)
    case .sequence(let items): "[" + items.map { repr($0.value) }.joined(separator: ", ") + "]"
    case .set(let items): items.isEmpty ? "set()" : "{" + items.map { repr($0.value) }.joined(separator: ", ") + "}"
    case .mapping(let pairs):
      "{" + pairs.map { repr($0.key.value) + ": " + repr($0.value.value) }.joined(separator: ", ") + "}"
    }
  }

  /// `repr(bytes)`: `b'hi\x00'` (printable ASCII as is, `\t`, `\n`, `\r`, other bytes as `\xNN`).
  public static func bytesRepr(_ bytes: [UInt8]) -> String {
    let single = UInt8(ascii: "'")
    let quote = bytes.contains(single) && !bytes.contains(UInt8(ascii: "\"")) ? UInt8(ascii: "\"") : single
    var result = "b" + String(UnicodeScalar(quote))
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "\\"): result += "\\\\"
      case UInt8(ascii: "\t"): result += "\\t"
      case UInt8(ascii: "\n"): result += "\\n"
      case UInt8(ascii: "\r"): result += "\\r"
      case quote: result += "\\" + String(UnicodeScalar(quote))
      case 0x20...0x7E: result.unicodeScalars.append(UnicodeScalar(byte))
      default:
        let digits = String(byte, radix: 16)
        result += "\\x" + (digits.count == 1 ? "0" : "") + digits
      }
    }
    return result + String(UnicodeScalar(quote))
  }

  /// `repr(text)`: single quotes unless the text has `'` and no `"`; `\n`, `\t`, `\\`, `\xNN` escapes.
  public static func repr(_ text: String) -> String {
    let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
    var result = String(quote)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where Character(scalar) == quote: result += "\\" + String(quote)
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        let digits = String(scalar.value, radix: 16)
        result += "\\x" + (digits.count == 1 ? "0" : "") + digits
      default: result.unicodeScalars.append(scalar)
      }
    }
    result.append(quote)
    return result
  }
}
