public import YAML

extension YAMLNode {
  /// A string node.
  package static func text(_ value: String) -> YAMLNode { YAMLNode(.string(value)) }
  /// A null node.
  package static var none: YAMLNode { YAMLNode(.null) }
  /// A sequence node.
  package static func list(_ items: [YAMLNode]) -> YAMLNode { YAMLNode(.sequence(items)) }
  /// A string node, or null when `value` is nil.
  package static func optional(_ value: String?) -> YAMLNode { value.map(text) ?? none }
  /// A mapping node with string keys, in the order given.
  package static func map(_ pairs: [(String, YAMLNode)]) -> YAMLNode {
    YAMLNode(.mapping(pairs.map { YAMLPair(key: .text($0.0), value: $0.1) }))
  }

  /// The string, when this is a string node.
  package var string: String? {
    if case .string(let value) = value { return value }
    return nil
  }

  /// The mapping's entries with string keys (non-string keys skipped), nil when not a mapping.
  package var pairs: [(String, YAMLNode)]? {
    guard case .mapping(let entries) = value else { return nil }
    return entries.compactMap { entry in entry.key.string.map { ($0, entry.value) } }
  }

  /// The mapping's raw entries, nil when not a mapping.
  package var entries: [YAMLPair]? {
    if case .mapping(let entries) = value { return entries }
    return nil
  }

  /// The sequence's items, nil when not a sequence.
  package var items: [YAMLNode]? {
    if case .sequence(let items) = value { return items }
    return nil
  }

  /// The value of `key` in a mapping (last wins), nil when absent or not a mapping.
  package subscript(key key: String) -> YAMLNode? {
    entries?.last { $0.key.string == key }?.value
  }

  /// Python's `type(value).__name__` for the loaded value.
  package var pythonType: String {
    switch value {
    case .null: "NoneType"
    case .bool: "bool"
    case .int: "int"
    case .float: "float"
    case .string: "str"
    case .timestamp(let text): text.count == 10 ? "date" : "datetime"
    case .binary: "bytes"
    case .set: "set"
    case .sequence: "list"
    case .mapping: "dict"
    }
  }

  /// Python truthiness (`if value:`).
  package var isTruthy: Bool {
    switch value {
    case .null: false
    case .bool(let flag): flag
    case .int(let number): number != 0
    case .float(let number): number != 0
    case .string(let text): !text.isEmpty
    case .timestamp: true
    case .binary(let bytes): !bytes.isEmpty
    case .set(let items), .sequence(let items): !items.isEmpty
    case .mapping(let pairs): !pairs.isEmpty
    }
  }

  /// The same value with every location removed (for value comparisons).
  package var withoutLocations: YAMLNode {
    switch value {
    case .sequence(let items): YAMLNode(.sequence(items.map(\.withoutLocations)))
    case .set(let items): YAMLNode(.set(items.map(\.withoutLocations)))
    case .mapping(let pairs):
      YAMLNode(.mapping(pairs.map { YAMLPair(key: $0.key.withoutLocations, value: $0.value.withoutLocations) }))
    default: YAMLNode(value)
    }
  }
}
