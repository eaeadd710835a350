import HPCBasics
import Testing

/// `-c` parsing as tmt 1.78 does it (`Environment.from_sequence` + `FmfContext`); the messages and exit code 2
/// were taken from the reference (`tmt -c '=x' tests ls` etc., stderr, exit 2).
@Suite struct ContextOptionTests {
  static let tree = Path.dirname(#filePath) + "/Fixtures/lint-tmt"

  @Test(arguments: [
    ("=x", "Invalid variable specification '=x'."),
    ("=", "Invalid variable specification '='."),
    ("x", "Invalid variable specification 'x'."),
    ("a=1 b", "Invalid variable specification 'b'."),
    ("@", "Invalid variable file specification '@'."),
    ("x=", "Context dimension 'x' has an empty value. Use 'KEY=VALUE' format or remove the dimension entirely."),
    ("x='  '", "Context dimension 'x' has an empty value. Use 'KEY=VALUE' format or remove the dimension entirely."),
    ("x=\"unclosed", "No closing quotation"),
  ])
  func malformedContextIsTmtsErrorWithExit2(specification: String, message: String) {
    let outcome = EndToEndTests.hpctest(["-c", specification, "tests", "ls"], in: Self.tree)
    #expect(outcome.status == 2)
    #expect(outcome.output == "error: \(message)\n")
  }

  @Test(arguments: [
    (["-c", "distro=fedora arch=x86_64"], "{\"distro\": [\"fedora\"], \"arch\": [\"x86_64\"]}"),
    (
      ["-c", "distro=fedora", "-c", "arch=aarch64", "-c", "distro=rhel"],
      "{\"distro\": [\"rhel\"], \"arch\": [\"aarch64\"]}"
    ),
    (["-c", "x=\"a b\",c"], "{\"x\": [\"a b\", \"c\"]}"),
    (["-c", "x=", "-c", "x=1"], "{\"x\": [\"1\"]}"),
  ])
  func wellFormedContextReachesThePlans(arguments: [String], context: String) {
    let outcome = EndToEndTests.hpctest(arguments + ["plans", "export", "--how", "json"], in: Self.tree)
    #expect(outcome.status == 0)
    #expect(outcome.output.contains("\"context\": \(context)"))
  }
}
