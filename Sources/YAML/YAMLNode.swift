public import HPCBasics

/// One node of a composed YAML document, with the position where it starts.
public struct YAMLNode: Sendable, Hashable {
  /// The resolved value (YAML 1.2 core schema, as fmf's ruamel safe loader resolves it).
  public var value: YAMLValue
  /// Where the node starts in its file; nil for nodes built in code.
  public var location: SourceLocation?

  /// Creates a node.
  public init(_ value: YAMLValue, at location: SourceLocation? = nil) {
    self.value = value
    self.location = location
  }
}

/// A resolved YAML value. Mappings keep their key order (fmf merges apply in key order).
public enum YAMLValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)
  /// A `!!timestamp`, kept as Python's `isoformat()` text: `2024-01-15`, `2024-01-15T10:20:30+00:00`.
  case timestamp(String)
  /// A `!!binary` scalar, decoded.
  case binary([UInt8])
  /// A `!!set`, its members in document order.
  case set([YAMLNode])
  case sequence([YAMLNode])
  case mapping([YAMLPair])
}

/// One key/value entry of a mapping.
public struct YAMLPair: Sendable, Hashable {
  /// The key node (usually a string).
  public var key: YAMLNode
  /// The value node.
  public var value: YAMLNode

  /// Creates an entry.
  public init(key: YAMLNode, value: YAMLNode) {
    self.key = key
    self.value = value
  }
}
