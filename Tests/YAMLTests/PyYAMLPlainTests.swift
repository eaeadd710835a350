import Testing

@testable import YAML

/// `PyYAMLPlain` decides on bytes; `PyYAMLPlainReference` is the character-based version it replaced. Both must give
/// the same answer for every text `isSafe` is asked about (its callers reject control characters first).
@Suite("PyYAMLPlain: plain-scalar decisions on bytes agree with the character-based rules")
struct PyYAMLPlainTests {
  /// Pieces that make the number, timestamp, indicator and reserved-word forms likely when strung together.
  static let pieces: [String] = [
    "0", "1", "5", "9", "12", "60", "59", "00", "_", ".", ":", "-", "+", "e", "E", "x", "b", "0x", "0b", ".inf",
    ".NaN", "inf", " ", "#", ": ", " #", "---", "?", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"",
    "%", "@", "`", "~", "=", "<<", "yes", "No", "null", "true", "OFF", "y", "2026-12-05", "T06:16:00", "+00:00",
    "a", "Z", "/", "é", "1:30", "1_0", "0.5", ".5e+3", "1e-", "190:20:30.15",
  ]

  @Test("random texts from number-like pieces: same decision", arguments: 0..<8)
  func randomTexts(seed: UInt64) {
    var generator = SeededGenerator(state: seed &+ 0x9E37_79B9_7F4A_7C15)
    for _ in 0..<4_000 {
      let count = Int.random(in: 1...6, using: &generator)
      let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
      #expect(PyYAMLPlain.isSafe(text) == PyYAMLPlainReference.isSafe(text), "\(text.debugDescription)")
    }
  }

  @Test("every printable ASCII text of up to 3 characters: same decision")
  func shortTexts() {
    let printable = (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) }
    var texts = [""] + printable
    for a in printable { for b in printable { texts.append(a + b) } }
    for a in ["0", "1", "-", ".", ":", "+"] { for b in printable { for c in printable { texts.append(a + b + c) } } }
    for text in texts where PyYAMLPlain.isSafe(text) != PyYAMLPlainReference.isSafe(text) {
      Issue.record("differs on \(text.debugDescription)")
    }
  }

  @Test(
    "known forms",
    arguments: [
      ("2026-12-05T06:16:00+00:00", false), ("00:00:01", true), ("1:30", false), ("1:60", true), ("0x1F", false),
      ("-.inf", false), (".5", false), ("1.2.3", true), ("1e+5", true), ("1.0e+5", false), ("pass", true),
      ("- x", false), ("-x", true), ("---x", false), ("a: b", false), ("a #b", false), ("a#b", true), ("yes", false),
      ("/tests/t000001", true), ("é", false), ("", false), ("12345678", false), ("2026-1-x", false),
    ])
  func knownForms(text: String, plain: Bool) {
    #expect(PyYAMLPlain.isSafe(text) == plain)
    #expect(PyYAMLPlainReference.isSafe(text) == plain)
  }
}
