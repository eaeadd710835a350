/// Plain and quoted scalars for `YAMLEmitter`, folded at spaces past column 80 like libyaml's
/// `yaml_emitter_write_plain_scalar` / `_single_quoted_` / `_double_quoted_` (best_width 80).
extension EmitterOutput {
  static let bestWidth = 80

  /// The current column: Unicode scalars since the last line break.
  var column: Int {
    var count = 0
    for byte in text.utf8.reversed() {
      if byte == 0x0A { break }
      if byte & 0xC0 != 0x80 { count += 1 }
    }
    return count
  }

  /// True when `string` cannot reach past column 80 from the current column, so no fold is possible.
  func fitsOnLine(_ string: String) -> Bool { column + string.utf8.count <= Self.bestWidth + 1 }

  private mutating func breakLine(_ indent: Int, _ column: inout Int) {
    text += "\n" + String(repeating: " ", count: indent)
    column = indent
  }

  /// A space, or a line break to `indent` instead when `fold` (libyaml folds at a space past column 80).
  private mutating func space(fold: Bool, indent: Int, _ column: inout Int) {
    if fold { breakLine(indent, &column) } else { write(" ", &column) }
  }

  /// `piece` on the current line.
  private mutating func write(_ piece: String, _ column: inout Int) {
    text += piece
    column += piece.unicodeScalars.count
  }

  mutating func plain(_ string: String, indent: Int, allowBreaks: Bool) {
    if !allowBreaks || fitsOnLine(string) {
      text += string
      return
    }
    let scalars = Array(string.unicodeScalars)
    var column = self.column
    var spaces = false
    for (index, scalar) in scalars.enumerated() {
      if scalar == " " {
        let nextIsSpace = index + 1 < scalars.count && scalars[index + 1] == " "
        space(fold: allowBreaks && !spaces && column > Self.bestWidth && !nextIsSpace, indent: indent, &column)
        spaces = true
      } else {
        write(String(scalar), &column)
        spaces = false
      }
    }
  }

  /// Line breaks are written doubled (a single break reads back as a space), continuation lines at `indent`;
  /// LS and PS are written once, then the indent, as libyaml's `WRITE_BREAK` does.
  mutating func singleQuoted(_ string: String, indent: Int, allowBreaks: Bool) {
    let scalars = Array(string.unicodeScalars)
    text += "'"
    var column = self.column
    var (spaces, breaks) = (false, false)
    for (index, scalar) in scalars.enumerated() {
      if scalar == "\n" || scalar == "\u{2028}" || scalar == "\u{2029}" {
        if !breaks && scalar == "\n" { text += "\n" }
        text.unicodeScalars.append(scalar)
        column = 0
        breaks = true
        continue
      }
      if breaks {
        text += String(repeating: " ", count: indent)
        column = indent
        breaks = false
      }
      if scalar == " " {
        let inside = index != 0 && index != scalars.count - 1
        let fold = allowBreaks && !spaces && column > Self.bestWidth && inside && scalars[index + 1] != " "
        space(fold: fold, indent: indent, &column)
        spaces = true
      } else {
        write(scalar == "'" ? "''" : String(scalar), &column)
        spaces = false
      }
    }
    if breaks { text += String(repeating: " ", count: indent) }
    text += "'"
  }

  mutating func doubleQuoted(_ string: String, indent: Int, allowBreaks: Bool) {
    let scalars = Array(string.unicodeScalars)
    text += "\""
    var column = self.column
    var spaces = false
    for (index, scalar) in scalars.enumerated() {
      if let escape = Self.escape(scalar) {
        write(escape, &column)
        spaces = false
      } else if scalar == " " {
        let fold = allowBreaks && !spaces && column > Self.bestWidth && index != 0 && index != scalars.count - 1
        space(fold: fold, indent: indent, &column)
        if fold && scalars[index + 1] == " " { write("\\", &column) }
        spaces = true
      } else {
        write(String(scalar), &column)
        spaces = false
      }
    }
    text += "\""
  }

  /// libyaml's escape for a character that cannot appear raw in a double-quoted scalar, nil otherwise.
  static func escape(_ scalar: Unicode.Scalar) -> String? {
    switch scalar {
    case "\"": return "\\\""
    case "\\": return "\\\\"
    case "\0": return "\\0"
    case "\u{07}": return "\\a"
    case "\u{08}": return "\\b"
    case "\t": return "\\t"
    case "\n": return "\\n"
    case "\u{0B}": return "\\v"
    case "\u{0C}": return "\\f"
    case "\r": return "\\r"
    case "\u{1B}": return "\\e"
    case "\u{85}": return "\\N"
    case "\u{A0}": return nil
    case "\u{2028}": return "\\L"
    case "\u{2029}": return "\\P"
    default: break
    }
    if (0x20...0x7E).contains(scalar.value) || ScalarStyleAnalysis.isPrintableUnicode(scalar) { return nil }
    let (mark, width) = scalar.value <= 0xFF ? ("x", 2) : scalar.value <= 0xFFFF ? ("u", 4) : ("U", 8)
    let digits = String(scalar.value, radix: 16, uppercase: true)
    return "\\" + mark + String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
