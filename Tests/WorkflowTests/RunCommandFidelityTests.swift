import HPCBasics
import TMTModel
import Testing
import YAML

@testable import Workflow

/// tmt's small run-command behaviours: command shortening (`run test --name`), `No plans found.` with exit 2, a
/// report that cannot be written, `report --flavor`.
@Suite struct RunCommandFidelityTests {
  /// tmt accepts any unambiguous start of a `run` sub-command (click group with shortening).
  @Test(arguments: [
    ("test", "tests"), ("t", "tests"), ("plan", "plans"), ("disc", "discover"), ("exec", "execute"),
    ("rep", "report"), ("prov", "provision"), ("prep", "prepare"), ("fin", "finish"), ("tests", "tests"),
    ("plans/gpu", "plans/gpu"), ("-v", "-v"),
  ])
  func commandShortening(word: String, command: String) throws {
    #expect(try RunArguments.command(word) == command)
  }

  @Test func testAliasSelectsTestsByName() throws {
    let options = try RunArguments.parse(["-a", "test", "--name", "pcie", "plan", "--name", "gpu"])
    #expect(options.testNames == ["pcie"])
    #expect(options.planNames == ["gpu"])
  }

  @Test(arguments: [
    (["pr"], "Did you mean prepare or provision?"), (["p"], "Did you mean plans, prepare or provision?"),
    (["log"], "'run login' is not supported"),
    (["report", "-h", "junit", "--flavor", "polarion"], "'report --flavor' must be default or subresults"),
    (["report", "--flavor", "subresults"], "'report --flavor' needs '--how junit'"),
  ])
  func clearErrors(arguments: [String], message: String) {
    #expect {
      _ = try RunArguments.parse(arguments)
    } throws: { error in
      (error as? Diagnostic)?.message.contains(message) == true
    }
  }

  /// tmt: `No plans found.` and exit 2 when the plan selection matches nothing; nothing is run or created.
  @Test(arguments: [["plans", "--name", "^/nope$"], ["plans/nope"], ["plan", "-n", "nope"]])
  func unknownPlanIsNoPlansFound(arguments: [String]) async throws {
    let harness = Harness()
    defer { FileSystem.removeTree(harness.workdirRoot) }
    #expect(try await harness.run([Harness.test("/tests/a", "true")], arguments: ["-a"] + arguments) == 2)
    #expect(harness.lines.all == ["No plans found."])
    #expect(!FileSystem.exists(harness.runDirectory))
  }

  /// `report --file` into a missing directory: the tests ran and their results are kept, the report fails with
  /// tmt's message naming the file and the reason, exit 2.
  @Test(arguments: ["missing/j.xml", "missing/deeper/j.xml"])
  func reportIntoAMissingDirectoryFails(relative: String) async throws {
    let harness = Harness()
    defer { FileSystem.removeTree(harness.workdirRoot) }
    let file = harness.workdirRoot + "/" + relative
    let code = try await harness.run(
      [Harness.test("/tests/a", "true")], arguments: ["-a", "report", "-h", "junit", "--file", file])
    #expect(code == 2)
    let directory = Path.dirname(file)
    let message = "error: Failed to write the output '\(file)': the directory '\(directory)' does not exist."
    #expect(harness.lines.all.contains(message), "\(harness.lines.all)")
    #expect(try harness.results().map(\.result) == [.pass])
  }

  /// `--flavor subresults` (or the plan's `flavor:`) gives one suite per result with its sub-results.
  @Test(arguments: [true, false])
  func subresultsFlavorFromOptionOrPlan(fromPlan: Bool) async throws {
    let harness = Harness()
    defer { FileSystem.removeTree(harness.workdirRoot) }
    let file = harness.workdirRoot + "/j.xml"
    let report = TMTPhase(
      name: "default-0", how: "junit",
      data: [("file", YAMLNode(.string(file))), ("flavor", YAMLNode(.string("subresults")))])
    let plan = Harness.plan("/plans", extra: fromPlan ? [.report: [report]] : [:])
    let script = "tmt-report-result /dev0 FAIL; tmt-report-result /dev1 PASS"
    let arguments = fromPlan ? ["-a"] : ["-a", "report", "-h", "junit", "--file", file, "--flavor", "subresults"]
    #expect(try await harness.run([Harness.test("/tests/a", script)], plans: [plan], arguments: arguments) == 1)
    let xml = FileSystem.readText(file) ?? ""
    #expect(xml.contains("<testsuite name=\"/tests/a\""))
    #expect(xml.contains("<testcase name=\"/dev0\" classname=\"/plans\">"))
    #expect(xml.contains("<testcase name=\"/dev1\" classname=\"/plans\""))
  }
}
