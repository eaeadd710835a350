public import HPCBasics
public import YAML

/// Renders export values the way tmt's `to_json` does: Python `json.dumps` defaults (one line, `", "` and
/// `": "` separators, `ensure_ascii`), written by YAML's `JSONWriter`, failing like tmt on values JSON cannot
/// hold (dates, sets, bytes) where the writer would tag or convert them.
public enum TMTJSON {
  private static let writer = JSONWriter(indent: nil, sortKeys: false, conformanceTags: false, ensureASCII: true)

  /// The JSON text of `node`, or tmt's error for an unserialisable value.
  public static func render(_ node: YAMLNode) throws(Diagnostic) -> String {
    try check(node)
    return writer.string(node)
  }

  /// Throws what `json.dumps` raises first, visiting values (and keys before their values) in order.
  private static func check(_ node: YAMLNode) throws(Diagnostic) {
    switch node.value {
    case .timestamp(let text):
      let kind = text.count == 10 ? "datetime.date" : "datetime.datetime"
      throw Diagnostic.error("Cannot serialize object of <class '\(kind)'>", at: node.location)
    case .binary: throw Diagnostic.error("Cannot serialize object of <class 'bytes'>", at: node.location)
    case .set: throw Diagnostic.error("Cannot serialize object of <class 'set'>", at: node.location)
    case .sequence(let items): for item in items { try check(item) }
    case .mapping(let pairs):
      for pair in pairs {
        try checkKey(pair.key)
        try check(pair.value)
      }
    default: break
    }
  }

  /// Python's `json.dumps` accepts str, int, float, bool and None keys (the writer turns the others to text).
  private static func checkKey(_ node: YAMLNode) throws(Diagnostic) {
    switch node.value {
    case .string, .int, .float, .bool, .null: return
    default:
      throw Diagnostic.error("keys must be str, int, float, bool or None, not \(node.value)", at: node.location)
    }
  }

  /// A JSON string literal with `ensure_ascii` escaping.
  public static func quote(_ text: String) -> String { writer.quote(text) }
}
