import HPCBasics
import Testing

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
