/// Convenience accessors for consumers (FMF, TMT model).
extension YAMLValue {
  /// Python's type name of the loaded value: `str`, `int`, `bool`, `float`, `NoneType`, `list`, `dict`,
  /// `date`, `datetime`, `bytes`, `set` (as in tmt/fmf messages "got a 'int' instead").
  public var typeName: String {
    switch self {
    case .null: "NoneType"
    case .bool: "bool"
    case .int: "int"
    case .float: "float"
    case .string: "str"
    case .timestamp(let text): text.utf8.count > 10 ? "datetime" : "date"
    case .binary: "bytes"
    case .set: "set"
    case .sequence: "list"
    case .mapping: "dict"
    }
  }

  /// The string, when this is a string.
  public var stringValue: String? { if case .string(let text) = self { text } else { nil } }
  /// The integer, when this is an int (bools are not ints here).
  public var intValue: Int? { if case .int(let number) = self { number } else { nil } }
  /// The flag, when this is a bool.
  public var boolValue: Bool? { if case .bool(let flag) = self { flag } else { nil } }
  /// The number, when this is a float or an int.
  public var doubleValue: Double? {
    switch self {
    case .float(let number): number
    case .int(let number): Double(number)
    default: nil
    }
  }
  /// True for null.
  public var isNull: Bool { self == .null }
  /// The items, when this is a sequence.
  public var sequenceValue: [YAMLNode]? { if case .sequence(let items) = self { items } else { nil } }
  /// The entries, when this is a mapping.
  public var mappingValue: [YAMLPair]? { if case .mapping(let pairs) = self { pairs } else { nil } }
  /// True for sequences, mappings and sets.
  public var isCollection: Bool {
    switch self {
    case .sequence, .mapping, .set: true
    default: false
    }
  }
}

extension YAMLNode {
  /// Python's type name of the value (see ``YAMLValue/typeName``).
  public var typeName: String { value.typeName }
  /// The string, when the value is a string.
  public var stringValue: String? { value.stringValue }
  /// The integer, when the value is an int.
  public var intValue: Int? { value.intValue }
  /// The flag, when the value is a bool.
  public var boolValue: Bool? { value.boolValue }
  /// True when the value is null.
  public var isNull: Bool { value.isNull }
  /// The items, when the value is a sequence.
  public var sequenceValue: [YAMLNode]? { value.sequenceValue }
  /// The entries, when the value is a mapping.
  public var mappingValue: [YAMLPair]? { value.mappingValue }

  /// The value under the string key `key`, when this is a mapping holding it.
  public subscript(key: String) -> YAMLNode? {
    guard case .mapping(let pairs) = value else { return nil }
    return pairs.first { $0.key.value == .string(key) }?.value
  }

  /// The item at `index`, when this is a sequence long enough.
  public subscript(index: Int) -> YAMLNode? {
    guard case .sequence(let items) = value, items.indices.contains(index) else { return nil }
    return items[index]
  }

  /// The string keys of a mapping in document order (non-string keys skipped); empty otherwise.
  public var keys: [String] { mappingValue?.compactMap { $0.key.value.stringValue } ?? [] }
}
