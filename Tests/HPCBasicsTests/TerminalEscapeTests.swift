import HPCBasics
import Testing

@Suite struct TerminalEscapeTests {
  @Test(arguments: [
    ("esc \u{1b}[31mRED\u{1b}[0m", "esc \\x1b[31mRED\\x1b[0m"), ("bell \u{07}", "bell \\x07"),
    ("nul \u{0}", "nul \\x00"), ("cr\rover", "cr\\x0dover"), ("del \u{7f}", "del \\x7f"),
    ("csi \u{9b}2J", "csi \\u{9b}2J"), ("title \u{1b}]0;pwned\u{07}", "title \\x1b]0;pwned\\x07"),
  ])
  func controlCharactersAreEscaped(raw: String, shown: String) {
    #expect(raw.terminalEscaped == shown)
  }

  @Test(arguments: ["plain /tests/gpu/pcie-link", "tab\tand\nnewline", "ünïcödé ✓ 0000:03:00.0", ""])
  func printableTextIsUnchanged(text: String) {
    #expect(text.terminalEscaped == text)
  }
}
