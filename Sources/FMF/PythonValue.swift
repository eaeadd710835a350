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

  /// Python `str(value)` (YAML's `PythonFormat`, with fmf's `datetime` reprs inside collections).
  static func str(_ value: YAMLValue) -> String { PythonFormat.str(value, timestamp: timestampRepr) }

  /// Python `repr(value)` (YAML's `PythonFormat`, with fmf's `datetime` reprs).
  static func repr(_ value: YAMLValue) -> String { PythonFormat.repr(value, timestamp: timestampRepr) }

  /// `datetime.date(2024, 1, 15)`, `datetime.datetime(2024, 1, 15, 10, 20, 30)`: what CPython prints for the
  /// objects ruamel loads, where YAML's generic `repr` keeps the ISO text.
  private static func timestampRepr(_ text: String) -> String {
    let numbers = text.split { !$0.isNumber }.prefix(isDate(text) ? 3 : 6).compactMap { Int($0) }
    let name = isDate(text) ? "datetime.date" : "datetime.datetime"
    return name + "(" + numbers.map(String.init).joined(separator: ", ") + ")"
  }
}
