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
    let indicators = text.hasPrefix("---") || text.hasPrefix("...") || Self.hasIndicators(scalars)
    let special = scalars.contains { !($0 == "\n" || (0x20...0x7E).contains($0.value)) && !Self.isPrintableUnicode($0) }
    multiline = scalars.contains(where: Self.isBreak)
    let edges = Self.Edges(scalars)
    if edges.leadingSpace || edges.leadingBreak || edges.trailingSpace || edges.trailingBreak || indicators || multiline
    {
      allowPlain = false
    }
    if edges.trailingSpace || edges.leadingSpace || edges.leadingBreak { allowBlock = false }
    if edges.breakSpace { allowSingleQuoted = false }
    if special || edges.spaceBreak {
      (allowPlain, allowSingleQuoted, allowBlock) = (false, false, special ? false : allowBlock)
    }
    if scalars.contains(where: { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\r" }) {
      allowBlock = false
    }
  }

  /// Indicator characters that rule out a plain scalar in block context.
  private static func hasIndicators(_ scalars: [Unicode.Scalar]) -> Bool {
    for (index, ch) in scalars.enumerated() {
      let followedBySpace = index + 1 >= scalars.count || isWhitespace(scalars[index + 1])
      if index == 0 {
        if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(ch) { return true }
        if (ch == "?" || ch == ":" || ch == "-") && followedBySpace { return true }
      } else {
        if ch == ":" && followedBySpace { return true }
        if ch == "#" && isWhitespace(scalars[index - 1]) { return true }
      }
    }
    return false
  }

  /// Whitespace at the edges and around line breaks.
  private struct Edges {
    var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
    var breakSpace = false, spaceBreak = false

    init(_ scalars: [Unicode.Scalar]) {
      var (previousSpace, previousBreak) = (false, false)
      let last = scalars.count - 1
      for (index, ch) in scalars.enumerated() {
        if ch == " " {
          leadingSpace = leadingSpace || index == 0
          trailingSpace = trailingSpace || index == last
          breakSpace = breakSpace || previousBreak
          (previousSpace, previousBreak) = (true, false)
        } else if ScalarStyleAnalysis.isBreak(ch) {
          leadingBreak = leadingBreak || index == 0
          trailingBreak = trailingBreak || index == last
          spaceBreak = spaceBreak || previousSpace
          (previousSpace, previousBreak) = (false, true)
        } else {
          (previousSpace, previousBreak) = (false, false)
        }
      }
    }
  }

  private static func isBreak(_ ch: Unicode.Scalar) -> Bool {
    ch == "\n" || ch == "\u{85}" || ch == "\u{2028}" || ch == "\u{2029}"
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
