/// A JSON value with object keys in the order given, written and read by hand (no Foundation) so output is
/// byte-stable. One type for every module: tool outputs parsed by Checks, `hpctest probe --json`, `check --json`.
public indirect enum JSON: Sendable, Hashable {
  case null
  case bool(Bool)
  /// A number as JSON text (`16`, `2.5`, `1e-3`), written as given.
  case number(String)
  case string(String)
  case array([JSON])
  /// Keys in the order given.
  case object([(String, JSON)])

  /// An integer, or null.
  package static func int(_ value: (some BinaryInteger)?) -> JSON { value.map { .number(String($0)) } ?? .null }
  /// A double printed shortest-exact (`2.5`, `32.0` → `32`), or null (also for NaN and infinities).
  package static func double(_ value: Double?) -> JSON {
    guard let value, value.isFinite else { return .null }
    return .number(numberText(value))
  }
  /// A string, or null.
  package static func text(_ value: String?) -> JSON { value.map { .string($0) } ?? .null }
  /// A boolean, or null.
  package static func flag(_ value: Bool?) -> JSON { value.map { .bool($0) } ?? .null }

  /// `value` without a fraction when it is integral (`32.0` → `32`), else Swift's shortest round-trip form.
  package static func numberText(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }

  /// The member `key` of an object (the first, if repeated).
  package subscript(key: String) -> JSON? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  /// The elements of an array (empty otherwise).
  package var elements: [JSON] {
    if case .array(let items) = self { return items }
    return []
  }

  /// A string, or a number (integral ones without a fraction) or bool written as text.
  package var text: String? {
    switch self {
    case .string(let value): value
    case .number(let value): Double(value).map(JSON.numberText) ?? value
    case .bool(let value): String(value)
    default: nil
    }
  }

  /// True for `{}` and `[]`.
  package var isEmptyContainer: Bool {
    switch self {
    case .array(let items): items.isEmpty
    case .object(let members): members.isEmpty
    default: false
    }
  }

  /// True for null, booleans, numbers and strings.
  package var isScalar: Bool {
    switch self {
    case .array, .object: false
    default: true
    }
  }

  /// Every object in this value, depth first (itself included).
  package var allObjects: [JSON] {
    switch self {
    case .object(let members): [self] + members.flatMap { $0.1.allObjects }
    case .array(let items): items.flatMap(\.allObjects)
    default: []
    }
  }

  /// Two values are equal when they render the same.
  public static func == (a: JSON, b: JSON) -> Bool { a.compact == b.compact }
  /// Hashes the rendering.
  public func hash(into hasher: inout Hasher) { hasher.combine(compact) }
}
