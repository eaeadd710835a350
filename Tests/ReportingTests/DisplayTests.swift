import TMTModel
import Testing

@testable import Reporting

@Suite struct DisplayTests {
  @Test func verboseLinesMatchTmt() throws {
    let results = try ResultsYAML.read(Support.fixture("tmt/results-basic.yaml"), file: "results-basic.yaml")
    let lines = results.flatMap { Display.lines($0, verbosity: 1, executeDirectory: "/x") }
    #expect(lines.joined(separator: "\n") + "\n" == Support.fixture("golden/display-basic-v.txt"))
  }

  @Test func progressAndLogs() {
    let result = TestResult(
      name: "/tests/x", serialNumber: 1, result: .error, log: ["data/guest/default-0/tests/x-1/output.txt"],
      duration: "00:00:03")
    let lines = Display.lines(
      result, verbosity: 2, executeDirectory: "/run/plans/execute", guest: "default-0", progress: "[1/3]")
    #expect(
      lines == [
        "00:00:03 errr /tests/x (on default-0) [1/3]", "    logs:",
        "        output.txt (/run/plans/execute/data/guest/default-0/tests/x-1/output.txt)",
      ])
  }

  @Test func summaries() throws {
    let results = try ResultsYAML.read(Support.fixture("tmt/results-basic.yaml"), file: "results-basic.yaml")
    #expect(Display.summary(results) == "2 tests passed, 1 test failed, 1 test skipped, 1 info, 1 warn and 2 errors")
    #expect(Display.summary([]) == "no results found")
    let two = [TestResult.pending(name: "/a", serialNumber: 1), .pending(name: "/b", serialNumber: 2)]
    #expect(Display.summary(two) == "2 pending")
  }
}
