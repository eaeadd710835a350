public import YAML

extension YAMLTree {
  /// The tree of a parsed YAML node (scalars other than integers and null become their Python `str()` text).
  package init(_ node: YAMLNode) {
    switch node.value {
    case .null: self = .null
    case .int(let value): self = .integer(value)
    case .string(let text): self = .string(text)
    case .sequence(let items), .set(let items): self = .sequence(items.map(YAMLTree.init))
    case .mapping(let pairs):
      self = .mapping(pairs.map { YAMLEntry(PythonFormat.str($0.key.value), YAMLTree($0.value)) })
    default: self = .string(PythonFormat.str(node.value))
    }
  }

  /// The tree as a YAML value, for `YAMLEmitter`.
  package var value: YAMLValue {
    switch self {
    case .mapping(let entries): .mapping(entries.map(\.pair))
    case .sequence(let items): .sequence(items.map { YAMLNode($0.value) })
    case .string(let text): .string(text)
    case .integer(let number): .int(number)
    case .null: .null
    }
  }
}

extension YAMLEntry {
  /// The entry as a YAML mapping pair.
  package var pair: YAMLPair { YAMLPair(key: YAMLNode(.string(key)), value: YAMLNode(value.value)) }
}

extension YAMLEmitter {
  /// `tree` as results.yaml and the per-test files are written (``YAMLEmitter/Profile/results``): PyYAML's
  /// quoting; `shared` entries are anchored as PyYAML anchors objects shared by several results.
  package static func emit(_ tree: YAMLTree, shared: Set<YAMLPair> = []) -> String {
    emit(tree.value, profile: .results, shared: shared)
  }

  /// One string as results.yaml writes it (PyYAML's quoting).
  package static func scalar(_ text: String) -> String { scalar(text, profile: .results) }
}
