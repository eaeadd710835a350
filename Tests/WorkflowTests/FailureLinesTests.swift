import Testing

@testable import Workflow

/// `ResultInterpretation.failureLines` (the lines tmt puts in `failures.yaml`) skips an output in which neither word
/// appears in any ASCII case without splitting it; that shortcut must drop no line the line-by-line rule keeps.
@Suite struct FailureLinesTests {
  /// The rule line by line, without the shortcut: the lowercased line holds `error` or `fail` with no letter, digit
  /// or `_` (by Character) right before or after it.
  static func reference(_ output: String) -> [String] {
    output.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
      let characters = Array(line.lowercased())
      for word in ["error", "fail"].map(Array.init) where characters.count >= word.count {
        for start in 0...(characters.count - word.count) where Array(characters[start..<start + word.count]) == word {
          let isWordCharacter = { (c: Character) in c.isLetter || c.isNumber || c == "_" }
          let before = start == 0 ? nil : characters[start - 1]
          let after = start + word.count == characters.count ? nil : characters[start + word.count]
          if !(before.map(isWordCharacter) ?? false) && !(after.map(isWordCharacter) ?? false) { return String(line) }
        }
      }
      return nil
    }
  }

  @Test func knownLines() {
    let output = "ok\nError: disk\nFAILED\nfail\nmy_error\nERROR_x\n-fail-\nİfail\nfaİl\nterror\n"
    #expect(ResultInterpretation.failureLines(output) == ["Error: disk", "fail", "-fail-"])
    #expect(ResultInterpretation.failureLines("") == [])
    #expect(ResultInterpretation.failureLines("all good\n") == [])
  }

  /// Random outputs over the letters of both words in both cases, non-ASCII letters that lowercase to something
  /// close (`İ`, `K`), separators and newlines: the result equals the reference's.
  @Test(arguments: 0..<4 as Range<UInt64>) func matchesTheLineByLineRule(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let pieces = [
      "e", "E", "r", "R", "o", "O", "f", "F", "a", "A", "i", "I", "l", "L", "İ", "\u{212A}", "é", " ", "_",
      "1", "-", "\n", "error", "FAIL", "Error", "fa", "il", "err", "or",
    ]
    for _ in 0..<4000 {
      let count = Int.random(in: 0...24, using: &random)
      let output = (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined()
      #expect(ResultInterpretation.failureLines(output) == Self.reference(output), "\(output.debugDescription)")
    }
  }
}
