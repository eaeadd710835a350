/// A small YAML value tree in the block style PyYAML writes (tmt's results.yaml): ordered mappings, sequences,
/// strings, integers and null. Not `indirect`: the arrays already hold the nesting, so a scalar node costs no
/// allocation of its own (a results.yaml has dozens per result).
package enum YAMLTree: Sendable, Hashable {
  case mapping([YAMLEntry])
  case sequence([YAMLTree])
  case string(String)
  case integer(Int)
  case null

  /// The value of `key` in a mapping, nil when absent or not a mapping.
  package subscript(key: String) -> YAMLTree? {
    guard case .mapping(let entries) = self else { return nil }
    return entries.last { $0.key == key }?.value
  }

  /// The string (or integer as text) value, nil for null and collections.
  package var text: String? {
    switch self {
    case .string(let text): text
    case .integer(let value): String(value)
    default: nil
    }
  }

  /// The items of a sequence, empty otherwise.
  package var items: [YAMLTree] {
    if case .sequence(let items) = self { return items }
    return []
  }

  /// The entries of a mapping, empty otherwise.
  package var entries: [YAMLEntry] {
    if case .mapping(let entries) = self { return entries }
    return []
  }
}

/// One key/value pair of a `YAMLTree` mapping.
package struct YAMLEntry: Sendable, Hashable {
  /// The key.
  package var key: String
  /// The value.
  package var value: YAMLTree

  /// Creates an entry.
  package init(_ key: String, _ value: YAMLTree) {
    self.key = key
    self.value = value
  }
}

extension YAMLTree {
  /// A string, or null when nil.
  package static func optional(_ text: String?) -> YAMLTree { text.map(YAMLTree.string) ?? .null }

  /// A sequence of strings.
  package static func strings(_ texts: [String]) -> YAMLTree { .sequence(texts.map(YAMLTree.string)) }
}
