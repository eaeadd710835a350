public import HPCBasics
public import YAML

/// Renders export values the way tmt's `to_json` does: Python `json.dumps` defaults (one line, `", "` and
/// `": "` separators, `ensure_ascii`), failing like tmt on values JSON cannot hold (dates, sets, bytes).
public enum TMTJSON {
  /// The JSON text of `node`, or tmt's error for an unserialisable value.
  public static func render(_ node: YAMLNode) throws(Diagnostic) -> String {
    var out = ""
    try write(node, into: &out)
    return out
  }

  private static func write(_ node: YAMLNode, into out: inout String) throws(Diagnostic) {
    switch node.value {
    case .null: out += "null"
    case .bool(let flag): out += flag ? "true" : "false"
    case .int(let number): out += String(number)
    case .float(let number): out += float(number)
    case .string(let text): out += quote(text)
    case .timestamp(let text):
      let kind = text.count == 10 ? "datetime.date" : "datetime.datetime"
      throw Diagnostic.error("Cannot serialize object of <class '\(kind)'>", at: node.location)
    case .binary: throw Diagnostic.error("Cannot serialize object of <class 'bytes'>", at: node.location)
    case .set: throw Diagnostic.error("Cannot serialize object of <class 'set'>", at: node.location)
    case .sequence(let items):
      out += "["
      for (index, item) in items.enumerated() {
        if index > 0 { out += ", " }
        try write(item, into: &out)
      }
      out += "]"
    case .mapping(let pairs):
      out += "{"
      for (index, pair) in pairs.enumerated() {
        if index > 0 { out += ", " }
        out += quote(try key(pair.key))
        out += ": "
        try write(pair.value, into: &out)
      }
      out += "}"
    }
  }

  /// Python's `json.dumps` key coercion: str kept, int/float/bool/None turned to text.
  private static func key(_ node: YAMLNode) throws(Diagnostic) -> String {
    switch node.value {
    case .string(let text): return text
    case .int(let number): return String(number)
    case .float(let number): return float(number)
    case .bool(let flag): return flag ? "true" : "false"
    case .null: return "null"
    default:
      throw Diagnostic.error("keys must be str, int, float, bool or None, not \(node.value)", at: node.location)
    }
  }

  /// A float as `json.dumps` writes it (`Infinity`, `NaN`, else Python's repr).
  static func float(_ number: Double) -> String {
    if number.isNaN { return "NaN" }
    if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
    return PythonText.float(number)
  }

  /// A JSON string literal with `ensure_ascii` escaping.
  public static func quote(_ text: String) -> String {
    var out = "\""
    for unit in text.unicodeScalars {
      switch unit {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if unit.value < 0x20 || unit.value > 0x7E {
          for code in String(unit).utf16 { out += "\\u" + PythonText.hex(UInt32(code), width: 4) }
        } else {
          out.unicodeScalars.append(unit)
        }
      }
    }
    return out + "\""
  }
}
