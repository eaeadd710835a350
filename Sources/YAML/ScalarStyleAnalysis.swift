/// How the emitter may write a string: libyaml's `yaml_emitter_analyze_scalar` (as ruamel's
/// `Emitter.analyze_scalar`), reduced to block context.
struct ScalarStyleAnalysis {
  /// Plain style is possible (no indicators, no edge whitespace, no special characters).
  var allowPlain = true
  /// Single quotes are possible.
  var allowSingleQuoted = true
  /// A literal block (`|`) is possible.
  var allowBlock = true
  /// The text has line breaks.
  var multiline = false

  /// Analyzes `text` as the C emitter does with `allow_unicode`.
  init(_ text: String) {
    let scalars = Array(text.unicodeScalars)
    guard !scalars.isEmpty else {
      allowBlock = false
      return
    }
    var indicators = text.hasPrefix("---") || text.hasPrefix("...")
    var special = false
    var (leadingSpace, leadingBreak, trailingSpace, trailingBreak) = (false, false, false, false)
    var (breakSpace, spaceBreak, previousSpace, previousBreak) = (false, false, false, false)
    for (index, ch) in scalars.enumerated() {
      let followedBySpace = index + 1 >= scalars.count || Self.isWhitespace(scalars[index + 1])
      let precededBySpace = index == 0 || Self.isWhitespace(scalars[index - 1])
      if index == 0 {
        if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(ch) { indicators = true }
        if (ch == "?" || ch == ":") && followedBySpace { indicators = true }
        if ch == "-" && followedBySpace { indicators = true }
      } else {
        if ch == ":" && followedBySpace { indicators = true }
        if ch == "#" && precededBySpace { indicators = true }
      }
      let isBreak = ch == "\n" || ch == "\u{85}" || ch == "\u{2028}" || ch == "\u{2029}"
      if isBreak { multiline = true }
      if !(ch == "\n" || (ch.value >= 0x20 && ch.value <= 0x7E)) && !Self.isPrintableUnicode(ch) { special = true }
      if ch == " " {
        if index == 0 { leadingSpace = true }
        if index == scalars.count - 1 { trailingSpace = true }
        if previousBreak { breakSpace = true }
        (previousSpace, previousBreak) = (true, false)
      } else if isBreak {
        if index == 0 { leadingBreak = true }
        if index == scalars.count - 1 { trailingBreak = true }
        if previousSpace { spaceBreak = true }
        (previousSpace, previousBreak) = (false, true)
      } else {
        (previousSpace, previousBreak) = (false, false)
      }
    }
    if leadingSpace || leadingBreak || trailingSpace || trailingBreak || indicators || multiline { allowPlain = false }
    if trailingSpace || leadingSpace || leadingBreak { allowBlock = false }
    if breakSpace { allowSingleQuoted = false }
    if special || spaceBreak {
      (allowPlain, allowSingleQuoted, allowBlock) = (false, false, special ? false : allowBlock)
    }
    if scalars.contains(where: { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\r" }) {
      allowBlock = false
    }
  }

  private static func isWhitespace(_ ch: Unicode.Scalar) -> Bool {
    ch == "\0" || ch == " " || ch == "\t" || ch == "\r" || ch == "\n" || ch == "\u{85}" || ch == "\u{2028}"
      || ch == "\u{2029}"
  }

  /// libyaml 0.1.7's `IS_PRINTABLE` beyond ASCII (tmt dumps through the C emitter): the BMP without
  /// controls, surrogates, BOM and U+FFFE/U+FFFF; supplementary planes are not printable there.
  static func isPrintableUnicode(_ ch: Unicode.Scalar) -> Bool {
    guard ch != "\u{FEFF}" else { return false }
    return (0xA0...0xD7FF).contains(ch.value) || (0xE000...0xFFFD).contains(ch.value)
  }
}
