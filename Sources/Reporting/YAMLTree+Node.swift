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
}
