import HPCBasics
import TMTModel
import Testing
import YAML

@testable import Reporting

@Suite struct ResultsYAMLTests {
  @Test(arguments: [
    "results-basic.yaml", "results-semantics-checks-restart.yaml", "results-env-custom-restraint-abort.yaml",
    "results-multihost-local.yaml",
  ])
  func roundTripsTmtFiles(file: String) throws {
    let text = Support.fixture("tmt/" + file)
    let results = try ResultsYAML.read(text, file: file)
    #expect(!results.isEmpty)
    #expect(try ResultsYAML.read(ResultsYAML.render(results), file: file) == results)
    if file != "results-semantics-checks-restart.yaml" {
      // That file holds strings PyYAML folded at 80 columns; hpctest writes them on one line (same values).
      #expect(ResultsYAML.render(results) == text)
    }
  }

  @Test func pendingPlaceholder() {
    let text = ResultsYAML.render([.pending(name: "/tests/a", serialNumber: 1)])
    #expect(text.contains("  start-time: null\n"))
    #expect(text.contains("  log: []\n"))
    #expect(text.contains("  result: pending\n"))
    #expect(text.contains("  data-path: null\n"))
  }

  @Test func emptyList() throws {
    #expect(ResultsYAML.render([]) == "[]\n")
    #expect(try ResultsYAML.read("[]\n", file: "r.yaml").isEmpty)
  }

  @Test func badOutcomeIsADiagnostic() {
    let text = ResultsYAML.render([.pending(name: "/t", serialNumber: 1)]).replacing(
      "result: pending", with: "result: weird")
    #expect(throws: Diagnostic.self) { try ResultsYAML.read(text, file: "r.yaml") }
  }

  @Test(arguments: [
    ("plain", "plain"), ("00:00:02", "00:00:02"), ("10:00:00", "'10:00:00'"), ("a: b", "'a: b'"),
    ("2026-11-26T06:23:52+00:00", "'2026-11-26T06:23:52+00:00'"), ("yes", "'yes'"), ("12", "'12'"),
    ("1.5", "'1.5'"), ("1.78.0", "1.78.0"), ("it's", "it's"), ("'q'", "'''q'''"), ("a\nb", "\"a\\nb\""),
    ("/tests/x", "/tests/x"), ("-x", "-x"), ("- x", "'- x'"), ("", "''"), ("null", "'null'"),
  ])
  func scalarQuoting(text: String, written: String) throws {
    #expect(YAMLEmitter.scalar(text) == written)
    let node = try #require(try YAMLParser.parse("- " + written + "\n", file: "s.yaml"))
    #expect(YAMLTree(node) == .sequence([.string(text)]))
  }
}
