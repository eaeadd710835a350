/// Double-quoted scalars for `YAMLEmitter`.
extension EmitterOutput {
  /// Appends `string` double-quoted with YAML escapes for control and special characters.
  static func doubleQuoted(_ string: String, into text: inout String) {
    text.append("\"")
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": text.append("\\\"")
      case "\\": text.append("\\\\")
      case "\0": text.append("\\0")
      case "\u{07}": text.append("\\a")
      case "\u{08}": text.append("\\b")
      case "\t": text.append("\\t")
      case "\n": text.append("\\n")
      case "\u{0B}": text.append("\\v")
      case "\u{0C}": text.append("\\f")
      case "\r": text.append("\\r")
      case "\u{1B}": text.append("\\e")
      case "\u{85}": text.append("\\N")
      case "\u{A0}": text.append("\\_")
      case "\u{2028}": text.append("\\L")
      case "\u{2029}": text.append("\\P")
      case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value):
        text.append("\\x" + hex(scalar.value, width: 2))
      case "\u{FEFF}": text.append("\\uFEFF")
      case _ where (0xD800...0xDFFF).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
        text.append("\\u" + hex(scalar.value, width: 4))
      default: text.unicodeScalars.append(scalar)
      }
    }
    text.append("\"")
  }

  private static func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
