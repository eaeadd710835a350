public import YAML

/// `tests export` / `plans export` in YAML, laid out like tmt's (ruamel, keys sorted, block style,
/// `- ` sequence items at the parent's indentation).
public enum TMTYAMLExport {
  /// The YAML document for `items` (a top-level sequence of mappings).
  public static func render(_ items: [YAMLNode]) -> String {
    if items.isEmpty { return "[]\n" }
    var out = ""
    write(.list(items), indent: 0, into: &out, inline: false)
    return out
  }

  private static func write(_ node: YAMLNode, indent: Int, into out: inout String, inline: Bool) {
    let pad = String(repeating: " ", count: indent)
    switch node.value {
    case .sequence(let items) where !items.isEmpty:
      for (index, item) in items.enumerated() {
        out += (inline && index == 0 ? "" : pad) + "- "
        if isCollection(item) { write(item, indent: indent + 2, into: &out, inline: true) } else {
          out += scalar(item) + "\n"
        }
      }
    case .mapping(let pairs) where !pairs.isEmpty:
      let sorted = pairs.sorted { PythonText.str($0.key) < PythonText.str($1.key) }
      for (index, pair) in sorted.enumerated() {
        out += (inline && index == 0 ? "" : pad) + key(pair.key) + ":"
        if isCollection(pair.value) {
          out += "\n"
          let nested = pair.value.items != nil ? indent : indent + 2
          write(pair.value, indent: nested, into: &out, inline: false)
        } else {
          out += " " + scalar(pair.value) + "\n"
        }
      }
    default:
      out += scalar(node) + "\n"
    }
  }

  private static func isCollection(_ node: YAMLNode) -> Bool {
    switch node.value {
    case .sequence(let items): !items.isEmpty
    case .mapping(let pairs): !pairs.isEmpty
    default: false
    }
  }

  private static func key(_ node: YAMLNode) -> String { scalar(node) }

  /// A plain scalar when YAML would read it back as the same string, else single-quoted.
  static func scalar(_ node: YAMLNode) -> String {
    switch node.value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .float(let number): return number.isNaN ? ".nan" : number.isInfinite ? (number < 0 ? "-.inf" : ".inf")
      : PythonText.float(number)
    case .sequence: return "[]"
    case .mapping: return "{}"
    case .timestamp(let text): return text
    case .string(let text): return plainIsSafe(text) ? text : "'" + text.replacing("'", with: "''") + "'"
    default: return "'" + PythonText.str(node).replacing("'", with: "''") + "'"
    }
  }

  /// True when `text` can be written unquoted and reads back as the same string.
  static func plainIsSafe(_ text: String) -> Bool {
    guard let first = text.first, let last = text.last, !text.contains("\n") else { return false }
    if first.isWhitespace || last.isWhitespace { return false }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) && !(first == "-" && text.count > 1 && text.dropFirst().first != " ")
      && !(first == "/" ) { return false }
    if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return false }
    let lowered = text.lowercased()
    if ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"].contains(lowered) { return false }
    if Double(text) != nil || Int(text) != nil || text.hasPrefix(".") && Double("0" + text) != nil { return false }
    if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value > 0x7E }) { return false }
    return !looksLikeNumberOrDate(text)
  }

  private static func looksLikeNumberOrDate(_ text: String) -> Bool {
    let digitsAndDashes = text.allSatisfy { $0.isNumber || $0 == "-" || $0 == ":" || $0 == "." || $0 == "_" }
    return digitsAndDashes && text.first?.isNumber == true
  }
}
