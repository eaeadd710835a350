import TMTModel
import Testing

/// Headings of manual test files as python-markdown 3.11.3 renders them (each expectation was produced by
/// `markdown.markdown(text)` with the reference's Python), and tmt 1.78's T008 warnings over them.
@Suite struct TMTManualMarkdownTests {
  @Test(arguments: [
    ("#Test\n##Step\n## Expect ##\n", ["<h1>Test</h1>", "<h2>Step</h2>", "<h2>Expect</h2>"]),
    ("Test one\n===\nStep\n---\n", ["<h1>Test one</h1>", "<h2>Step</h2>"]),
    ("    # code\n\n# Test\n", ["<h1>Test</h1>"]),
    ("para\n# Test\ntext\n## Step", ["<h1>Test</h1>", "<h2>Step</h2>"]),
    ("####### seven\n##### five\n# Test\n", ["<h6># seven</h6>", "<h5>five</h5>", "<h1>Test</h1>"]),
  ])
  func headingsAsPythonMarkdownRendersThem(text: String, expected: [String]) {
    #expect(TMTManualMarkdown.headings(text).map(\.html) == expected)
  }

  @Test func wellFormedFileHasNoWarnings() {
    let text = "# Setup\n# Test\n## Step\n## Expect\n# Test two\n## Test Step\n## Expected Result\n# Cleanup\n"
    #expect(TMTManualMarkdown.warnings(text) == [])
  }

  @Test func unpairedStepsAndOrphansAreWarned() {
    let warnings = TMTManualMarkdown.warnings("## Step\n# Test x\n## Step\n## Result\n## Step\n# Cleanup\n# Cleanup\n")
    #expect(
      warnings == [
        "Heading \"<h2>Step</h2>\" from the section \"Step\" is used outside of Test sections.",
        "2 headings \"<h1>Cleanup</h1>\" are used",
        "The number of headings from the section \"Step\" - 2 doesn't equal to the number of headings from the "
          + "section \"Expect\" - 1 in the test section \"<h1>Test x</h1>\"",
      ])
  }

  @Test func levelsBeyondFourAreIgnored() {
    #expect(TMTManualMarkdown.warnings("# Test\n##### Notes\n") == [])
  }
}
