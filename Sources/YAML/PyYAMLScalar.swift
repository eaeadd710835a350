/// A string as PyYAML writes it (YAML 1.1 resolver, tmt's results.yaml): plain when it reads back as the same
/// string, else single-quoted, or double-quoted with escapes when it holds control characters or Unicode line
/// breaks (`\N`, `\L`, `\P` as PyYAML writes them: raw, they would read back as line breaks). Never folded.
enum PyYAMLScalar {
  /// The scalar's text.
  static func text(_ string: String) -> String {
    if hasControl(string) { return doubleQuoted(string) }
    if PyYAMLPlain.isSafe(string) { return string }
    return "'" + string.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
  }

  /// True when `text(string)` is plain.
  static func isPlain(_ string: String) -> Bool { !hasControl(string) && PyYAMLPlain.isSafe(string) }

  private static func hasControl(_ string: String) -> Bool {
    var ascii = true
    for byte in string.utf8 {  // the common all-ASCII text decides on its bytes
      if byte < 0x20 || byte == 0x7F { return true }
      if byte >= 0x80 { ascii = false }
    }
    if ascii { return false }
    return string.unicodeScalars.contains {
      $0.value < 0x20 || $0.value == 0x7F || $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029
    }
  }

  /// Unicode line breaks beyond `\n`, with PyYAML's escapes.
  private static let lineBreaks: [Unicode.Scalar: String] = ["\u{85}": "\\N", "\u{2028}": "\\L", "\u{2029}": "\\P"]

  private static func doubleQuoted(_ string: String) -> String {
    var result = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      default:
        if let escape = lineBreaks[scalar] {
          result += escape
        } else if scalar.value < 0x20 || scalar.value == 0x7F {
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
