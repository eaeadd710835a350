/// A parsed JSON value (enough for vendor tool output; numbers are doubles).
package indirect enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  package static func == (a: JSONValue, b: JSONValue) -> Bool { a.description == b.description }
  package func hash(into hasher: inout Hasher) { hasher.combine(description) }

  /// The member `key` of an object.
  package subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  /// The elements of an array (empty otherwise).
  package var elements: [JSONValue] {
    if case .array(let items) = self { return items }
    return []
  }

  /// A string, or a number or bool written as text.
  package var text: String? {
    switch self {
    case .string(let value): value
    case .number(let value): value == value.rounded() ? String(Int(value)) : String(value)
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

  /// Every object in this value, depth first (itself included).
  package var allObjects: [JSONValue] {
    switch self {
    case .object(let members): [self] + members.flatMap { $0.1.allObjects }
    case .array(let items): items.flatMap(\.allObjects)
    default: []
    }
  }

  /// A compact rendering, for equality and messages.
  package var description: String {
    switch self {
    case .null: "null"
    case .bool(let value): String(value)
    case .number(let value): String(value)
    case .string(let value): "\"\(value)\""
    case .array(let items): "[" + items.map(\.description).joined(separator: ",") + "]"
    case .object(let members): "{" + members.map { "\"\($0.0)\":\($0.1.description)" }.joined(separator: ",") + "}"
    }
  }

  /// Parses the first non-empty JSON object or array in `text` (text before it is skipped, so a tool's banner
  /// lines do not matter); nil when there is none.
  package static func parse(_ text: String) -> JSONValue? {
    var parser = JSONParser(Array(text.utf8))
    return parser.parseDocument()
  }
}
