public import YAML

/// Python's `str()` and `repr()` of YAML-loaded values, as tmt shows them (`True`, `None`, `[1, 2]`, `{'a': 1}`):
/// YAML's `PythonFormat`, except that timestamps print as tmt's messages show the `datetime` objects.
package enum PythonText {
  /// `str(value)`: strings as-is, dates in ISO form, everything else as `repr`.
  package static func str(_ node: YAMLNode) -> String { PythonFormat.str(node.value, timestamp: timestampRepr) }

  /// `repr(value)` of a YAML-loaded Python value.
  package static func repr(_ node: YAMLNode) -> String { PythonFormat.repr(node.value, timestamp: timestampRepr) }

  /// Python's `repr(float)` (YAML's `PythonFloat`).
  package static func float(_ number: Double) -> String { PythonFloat.repr(number) }

  /// Python's `repr(str)` (YAML's `PythonFormat`): single quotes unless the text holds `'` and no `"`.
  package static func quote(_ text: String) -> String { PythonFormat.repr(text) }

  /// `datetime.date(2024, 1, 1)` for a date; datetimes keep their ISO text (`datetime.datetime('…')`), unlike
  /// YAML's generic repr, which quotes the ISO text of both.
  private static func timestampRepr(_ text: String) -> String {
    let parts = text.split(separator: "-")
    guard text.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return "datetime.datetime(\(quote(text)))" }
    return "datetime.date(\(y), \(m), \(d))"
  }
}
