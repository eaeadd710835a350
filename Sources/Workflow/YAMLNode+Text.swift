public import YAML

extension YAMLNode {
  /// A scalar as text (Python's `str()` for bools and numbers); nil for null and collections.
  package var scalarText: String? {
    switch value {
    case .string(let text), .timestamp(let text): text
    case .bool(let flag): flag ? "True" : "False"
    case .int(let number): String(number)
    case .float(let number): String(number)
    default: nil
    }
  }

  /// A scalar or a list of scalars, as texts; nil when neither.
  package var scalarList: [String]? {
    if case .sequence(let items) = value { return items.compactMap(\.scalarText) }
    return scalarText.map { [$0] }
  }

  /// The value of `key` in a mapping.
  package subscript(key: String) -> YAMLNode? {
    guard case .mapping(let pairs) = value else { return nil }
    return pairs.last { $0.key.value == .string(key) }?.value
  }
}
