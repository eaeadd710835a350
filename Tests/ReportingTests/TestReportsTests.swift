import TMTModel
import Testing

@testable import Reporting

/// `TestReports.parse`: what a test reported with `tmt-report-result`, read from the file's text (the reader
/// behind `TestReports.read` and the `report` fuzz target).
@Suite struct TestReportsTests {
  @Test(arguments: ResultOutcome.allCases)
  func everyOutcomeInAnyCaseIsReadWithItsLogsAndNotes(outcome: ResultOutcome) {
    let text = """
      - name: /gpu0
        result: \(outcome.rawValue.uppercased())
        log: [gpu0.log]
        note: [slow link]
        end-time: '2026-12-04T10:00:00+00:00'
      - name: /
        result: \(outcome.rawValue)
      """
    let reports = TestReports.parse(text, file: "data/tmt-report-results.yaml", relative: "data", testName: "/t")
    #expect(reports.problem == nil)
    #expect(reports.results.map(\.name) == ["/gpu0", "/t"], "'/' is the test itself")
    #expect(reports.results.map(\.result) == [outcome, outcome])
    #expect(reports.results.first?.log == ["data/gpu0.log"])
    #expect(reports.results.first?.note == ["slow link"])
    #expect(reports.results.first?.endTime == "2026-12-04T10:00:00+00:00")
  }

  @Test(arguments: ["passed", "", "[pass]", "1"])
  func anInvalidOutcomeIsAProblemNamingIt(result: String) {
    let reports = TestReports.parse(
      "- name: /x\n  result: \(result)\n", file: "r.yaml", relative: "data", testName: "/t")
    #expect(reports.problem?.hasPrefix("tmt-report-result: invalid outcome") == true, "\(reports.problem ?? "nil")")
    #expect(reports.problem?.contains("'/x'") == true)
  }

  @Test(arguments: ["- name: [\n", "a: 'unterminated\n", "{{{\n"])
  func unreadableYAMLIsAProblemLocatedInTheFile(text: String) {
    let reports = TestReports.parse(text, file: "data/tmt-report-results.yaml", relative: "data", testName: "/t")
    #expect(reports.results.isEmpty)
    #expect(reports.problem?.contains("data/tmt-report-results.yaml:") == true, "\(reports.problem ?? "nil")")
  }
}
