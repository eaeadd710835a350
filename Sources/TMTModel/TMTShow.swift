public import YAML

/// The human-readable `tests show` / `plans show` listing, modelled on tmt's (`key` right-aligned to 24
/// columns, empty values and the default order hidden, string lists as `'a' and 'b'`, nested values one
/// `key: value` per line). Nested values are printed flat rather than as tmt's wrapped YAML.
public enum TMTShow {
  /// tmt's `_KEYS_SHOW_ORDER` for tests (export key names).
  static let testKeys = [
    "summary", "description", "author", "contact", "component", "id", "test", "path", "framework", "manual", "tty",
    "require", "recommend", "environment", "duration", "enabled", "order", "result", "check",
    "restart-on-exit-code", "restart-max-count", "restart-with-reboot", "tag", "tier", "link",
  ]
  /// The keys shown for plans: core keys, then each step.
  static let planKeys = [
    "summary", "description", "author", "contact", "enabled", "order", "id", "tag", "tier", "link", "context",
    "environment", "gate", "discover", "provision", "prepare", "execute", "report", "finish", "cleanup",
  ]

  /// The block for one item (name line, key lines, blank line).
  public static func render(name: String, exported: YAMLNode) -> String {
    let keys = exported[key: "test"] != nil ? testKeys : planKeys
    var out = name + "\n"
    for key in keys {
      guard let value = exported[key: key], shows(key, value) else { continue }
      let label = key.replacing("-", with: "_")
      let lines = format(value)
      let pad = String(repeating: " ", count: max(0, 24 - label.count))
      out += pad + label + " " + lines[0] + "\n"
      for line in lines.dropFirst() { out += String(repeating: " ", count: 25) + line + "\n" }
    }
    return out + "\n"
  }

  private static func shows(_ key: String, _ value: YAMLNode) -> Bool {
    if key == "order", value.value == .int(50) { return false }
    switch value.value {
    case .null: return false
    case .sequence(let items): return !items.isEmpty
    case .mapping(let pairs): return !pairs.isEmpty
    default: return true
    }
  }

  /// Lines for a value: scalars as text, string lists `'a' and 'b'`, mappings and other lists one item a line.
  static func format(_ value: YAMLNode) -> [String] {
    switch value.value {
    case .bool(let flag): return [flag ? "true" : "false"]
    case .sequence(let items) where items.allSatisfy({ $0.string != nil }):
      return [TMTLink.listed(items.map { "'\($0.string!)'" })]
    case .sequence(let items): return items.flatMap { item in prefixed(format(item), first: "- ", rest: "  ") }
    case .mapping(let pairs):
      return pairs.flatMap { pair -> [String] in
        let lines = format(pair.value)
        let key = PythonText.str(pair.key) + ":"
        if lines.count == 1, pair.value.entries == nil { return [key + " " + lines[0]] }
        return [key] + lines.map { "  " + $0 }
      }
    default: return PythonText.str(value).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
  }

  private static func prefixed(_ lines: [String], first: String, rest: String) -> [String] {
    lines.enumerated().map { ($0.offset == 0 ? first : rest) + $0.element }
  }
}
