/// Writes a `YAMLTree` the way PyYAML's block style does (indent 2, sequences in mappings not indented,
/// empty collections as `{}`/`[]`, strings quoted only when a plain scalar would read back differently).
package enum YAMLEmitter {
  /// The document text, ending with a newline.
  package static func emit(_ tree: YAMLTree) -> String {
    var lines: [String] = []
    switch tree {
    case .mapping(let entries) where !entries.isEmpty: mapping(entries, indent: 0, into: &lines)
    case .sequence(let items) where !items.isEmpty: sequence(items, indent: 0, into: &lines)
    default: lines.append(inline(tree))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func mapping(_ entries: [YAMLEntry], indent: Int, into lines: inout [String], first: String? = nil) {
    for (index, entry) in entries.enumerated() {
      let prefix = index == 0 && first != nil ? first! : String(repeating: " ", count: indent)
      value(entry.value, head: prefix + scalar(entry.key) + ":", indent: indent, into: &lines)
    }
  }

  private static func value(_ tree: YAMLTree, head: String, indent: Int, into lines: inout [String]) {
    switch tree {
    case .anchored(let name, let inner):
      value(inner, head: head + " &" + name, indent: indent, into: &lines)
    case .mapping(let entries) where !entries.isEmpty:
      lines.append(head)
      mapping(entries, indent: indent + 2, into: &lines)
    case .sequence(let items) where !items.isEmpty:
      lines.append(head)
      sequence(items, indent: indent, into: &lines)
    default:
      lines.append(head + " " + inline(tree))
    }
  }

  private static func sequence(_ items: [YAMLTree], indent: Int, into lines: inout [String]) {
    let dash = String(repeating: " ", count: indent) + "- "
    for item in items {
      switch item {
      case .mapping(let entries) where !entries.isEmpty:
        mapping(entries, indent: indent + 2, into: &lines, first: dash)
      case .sequence(let inner) where !inner.isEmpty:
        lines.append(dash.dropLast() + "-")
        sequence(inner, indent: indent + 2, into: &lines)
      default:
        lines.append(dash + inline(item))
      }
    }
  }

  private static func inline(_ tree: YAMLTree) -> String {
    switch tree {
    case .mapping: "{}"
    case .sequence: "[]"
    case .string(let text): scalar(text)
    case .integer(let value): String(value)
    case .null: "null"
    case .anchored(let name, let inner): "&\(name) " + inline(inner)
    case .alias(let name): "*" + name
    }
  }

  /// `text` as PyYAML would write it: plain when safe, else single-quoted, double-quoted with escapes when it
  /// holds line breaks or control characters.
  package static func scalar(_ text: String) -> String {
    if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return doubleQuoted(text) }
    if YAMLPlain.isSafe(text) { return text }
    return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
  }

  private static func doubleQuoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          result += "\\x" + (hex.count < 2 ? "0" + hex : hex)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
