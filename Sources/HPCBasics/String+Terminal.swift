extension String {
  /// The text with every control character except newline and tab written as an escape (`\x1b`, `\x7f`,
  /// `\u{9b}`), so that metadata written by others (names, summaries, notes) cannot move the cursor, recolour or
  /// retitle the terminal of whoever lists or runs it. Plain text comes back unchanged (and uncopied).
  public var terminalEscaped: String {
    guard unicodeScalars.contains(where: Self.isControl) else { return self }
    var escaped = ""
    escaped.reserveCapacity(utf8.count + 16)
    for scalar in unicodeScalars {
      guard Self.isControl(scalar) else {
        escaped.unicodeScalars.append(scalar)
        continue
      }
      let hex = String(scalar.value, radix: 16)
      escaped += scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{" + hex + "}"
    }
    return escaped
  }

  /// C0 controls but newline and tab, DEL, and the C1 controls (U+0080–U+009F, e.g. the CSI U+009B).
  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value == 0x0A || value == 0x09 { return false }
    return value < 0x20 || (value >= 0x7F && value <= 0x9F)
  }
}
