import Testing

@testable import Reporting

/// The plain-text shortcut of `JUnit.text` and `JUnit.attribute` gives what escaping scalar by scalar gives, for
/// any string: ASCII names, markup characters, line breaks, control characters, non-ASCII and non-characters.
@Suite struct JUnitEscapingTests {
  static let pieces = [
    "a", "Z", "0", " ", "/", "-", "_", ".", ":", "@", "&", "<", ">", "\"", "'", "\r", "\n", "\t", "\u{0}", "\u{7}",
    "\u{1F}", "\u{7F}", "\u{80}", "ü", "日", "\u{FFFE}", "\u{FFFF}", "\u{10000}", "🙂", "&amp;", "]]>",
  ]

  /// Random strings of 0 to 12 pieces, most of them plain ASCII like test, plan and node names.
  static func strings(seed: UInt64) -> [String] {
    var random = ResultsYAMLFastTests.Generator(state: seed)
    return (0..<200).map { _ in
      let plain = Bool.random(using: &random)
      return (0..<Int.random(in: 0...12, using: &random)).map { _ in
        plain ? String(pieces[Int.random(in: 0..<11, using: &random)]) : pieces.randomElement(using: &random)!
      }.joined()
    }
  }

  @Test(arguments: 0..<20)
  func shortcutEqualsEscapingEveryScalar(seed: UInt64) {
    let strings = Self.strings(seed: seed)
    for text in strings {
      #expect(JUnit.text(text) == JUnit.escapedText(text))
      #expect(JUnit.attribute(text) == JUnit.escapedAttribute(text))
    }
    // Both kinds occur: strings the shortcut returns as they are, and strings it escapes.
    #expect(strings.contains { JUnit.isPlain($0) && !$0.isEmpty } && strings.contains { !JUnit.isPlain($0) })
  }
}
