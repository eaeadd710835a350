import Testing

@testable import HPCBasics

/// Expected values are tmt 1.78's `sanitize_name` (`re.sub(r'[^\w/-]+', '-', name).strip('-')`).
@Suite struct SafeNameTests {
  @Test(arguments: [
    ("/tests/gpu/pcie-link", "/tests/gpu/pcie-link"), ("/../../x", "/-/-/x"), ("../../etc/passwd", "/-/etc/passwd"),
    ("/a b/c.d", "/a-b/c-d"), ("/tests/ünï_cödé", "/tests/ünï_cödé"), ("--x--", "x"), ("/x;rm -rf /", "/x-rm--rf-/"),
    ("/.", "/"), ("", ""),
  ])
  func sanitizesAsTmt(name: String, safe: String) {
    #expect(SafeName.sanitize(name) == safe)
  }

  /// The byte-level path for ASCII names agrees with the character-level one on random ASCII names drawn mostly
  /// from the characters that matter (separators, `-`, `/`, `.`, controls, word characters).
  @Test(arguments: [false, true])
  func asciiPathAgreesWithTheCharacterPath(allowSlash: Bool) throws {
    var generator = SystemRandomNumberGenerator()
    let interesting = Array("-/._ \t;:*?ab09Z~") + (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
    for _ in 0..<2_000 {
      let length = Int.random(in: 0...24, using: &generator)
      let name = String((0..<length).map { _ in interesting.randomElement(using: &generator)! })
      let fast = try #require(SafeName.sanitizeASCII(name, allowSlash: allowSlash))
      #expect(fast == SafeName.sanitizeCharacters(name, allowSlash: allowSlash), "name: \(name.debugDescription)")
    }
    #expect(SafeName.sanitizeASCII("/tests/ünï", allowSlash: true) == nil)
  }

  @Test func withoutSlashes() {
    #expect(SafeName.sanitize("/plans/gpu", allowSlash: false) == "plans-gpu")
  }

  @Test(arguments: ["/../../x", "/..", "/./.", "..", "/a/../../../b", "/x/\u{0}/y", "/ / /"])
  func derivedPathsStayInside(name: String) {
    let relative = SafeName.relativePath(name)
    #expect(SafeName.staysInside(relative), "\(name) → \(relative)")
    #expect(!relative.isEmpty)
  }

  @Test func emptyNamesFallBack() {
    #expect(SafeName.relativePath("/") == "default")
    #expect(SafeName.relativePath("/..", fallback: "x") == "x")
  }
}
