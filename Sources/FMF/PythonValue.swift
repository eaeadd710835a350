import YAML

/// Python's view of YAML values, as fmf sees them after ruamel's safe loader: type names, `str()`, `repr()`,
/// `==` (so `1 == 1.0 == True`) and the `+`/`-` operators with CPython's `TypeError` texts.
enum PythonValue {
  /// `type(value).__name__`, or the qualified `tp_name` CPython prints in operator errors (`datetime.date`).
  static func typeName(_ value: YAMLValue, qualified: Bool = false) -> String {
    switch value {
    case .null: return "NoneType"
    case .bool: return "bool"
    case .int: return "int"
    case .float: return "float"
    case .string: return "str"
    case .timestamp(let text):
      let name = isDate(text) ? "date" : "datetime"
      return qualified ? "datetime." + name : name
    case .binary: return "bytes"
    case .set: return "set"
    case .sequence: return "list"
    case .mapping: return "dict"
    }
  }

  /// True when an isoformat timestamp text is a plain date (`2024-01-15`).
  static func isDate(_ text: String) -> Bool { !text.contains("T") && !text.contains(" ") }

  /// Python `str(value)`.
  static func str(_ value: YAMLValue) -> String {
    switch value {
    case .string(let text): return text
    case .timestamp(let text): return isDate(text) ? text : text.replacingFirstT()
    default: return repr(value)
    }
  }

  /// Python `repr(value)`.
  static func repr(_ value: YAMLValue) -> String {
    switch value {
    case .null: return "None"
    case .bool(let flag): return flag ? "True" : "False"
    case .int(let number): return String(number)
    case .float(let number): return PythonFloat.repr(number)
    case .string(let text): return stringRepr(text)
    case .timestamp(let text): return timestampRepr(text)
    case .binary(let bytes): return "b" + stringRepr(String(decoding: bytes, as: UTF8.self))
    case .set(let items):
      return items.isEmpty ? "set()" : "{" + items.map { repr($0.value) }.joined(separator: ", ") + "}"
    case .sequence(let items): return "[" + items.map { repr($0.value) }.joined(separator: ", ") + "]"
    case .mapping(let pairs):
      return "{" + pairs.map { repr($0.key.value) + ": " + repr($0.value.value) }.joined(separator: ", ") + "}"
    }
  }

  /// Python's `repr` of a str: single quotes unless the text has a `'` and no `"`.
  static func stringRepr(_ text: String) -> String {
    let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
    var out = String(quote)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if Character(scalar) == quote {
          out += "\\" + String(quote)
        } else if scalar.value < 0x20 || scalar.value == 0x7f {
          out += "\\x" + hex2(scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + String(quote)
  }

  private static func hex2(_ value: UInt32) -> String {
    let text = String(value, radix: 16)
    return text.count < 2 ? "0" + text : text
  }

  private static func timestampRepr(_ text: String) -> String {
    let numbers = text.split { !$0.isNumber }.prefix(isDate(text) ? 3 : 6).compactMap { Int($0) }
    let name = isDate(text) ? "datetime.date" : "datetime.datetime"
    return name + "(" + numbers.map(String.init).joined(separator: ", ") + ")"
  }
}

extension String {
  /// `2024-01-15T10:20:30+00:00` → `2024-01-15 10:20:30+00:00` (Python's `str(datetime)`).
  fileprivate func replacingFirstT() -> String {
    guard let index = firstIndex(of: "T") else { return self }
    var copy = self
    copy.replaceSubrange(index...index, with: " ")
    return copy
  }
}
