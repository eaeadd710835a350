import HPCBasics
import Reporting
import TMTModel
import Testing

@testable import Workflow

/// Fixture trees on disk, loaded with the TMT loader and run through the whole workflow.
@Suite struct FixtureTreeTests {
  static let fixtures: String = {
    let file = #filePath
    return String(file[..<file.lastIndex(of: "/")!]) + "/Fixtures"
  }()

  func run(_ tree: String, _ arguments: [String]) async throws -> (Int32, Harness) {
    let harness = Harness()
    let catalog = try TMTCatalog.load(root: Self.fixtures + "/" + tree, context: [])
    let runner = Runner(
      tests: catalog.tests, plans: catalog.plans, root: catalog.tree.root, options: try harness.options(arguments),
      log: RunLog(verbosity: 1, quiet: false, sink: { [lines = harness.lines] in lines.append($0) }),
      loader: { _ in [] })
    return (await runner.run(), harness)
  }

  @Test func everyOutcome() async throws {
    let (code, harness) = try await run("outcomes", ["plans/all"])
    #expect(code == 2)
    let results = try harness.results("plans/all")
    let summary = results.map { "\($0.serialNumber) \($0.name) \($0.result.rawValue)" }
    #expect(
      summary == [
        "1 /tests/custom pass", "2 /tests/error error", "3 /tests/fail fail", "4 /tests/grandchild error",
        "5 /tests/info info", "6 /tests/pass pass", "7 /tests/restart pass", "9 /tests/skip skip",
        "10 /tests/timeout error", "11 /tests/warn warn", "12 /tests/xfail pass", "1 /tests/custom/extra warn",
        "8 /tests/restraint/one pass", "8 /tests/restraint/two fail",
      ])
    #expect(harness.read("plans/all/data/prepared") == "prepared\n")
    #expect(harness.read("plans/all/data/finished") == "finished\n")
    #expect(harness.read("plans/all/execute/data/guest/default-0/tests/pass-6/output.txt") == "FROM_PLAN=plan\n")
    #expect(harness.lines.normalised.contains("            HH:MM:SS pass /tests/pass (on default-0) [6/12]"))
  }

  @Test func abortLeavesTheRestPending() async throws {
    let (code, harness) = try await run("outcomes", ["plans/abort.fmf"])
    #expect(code == 2)
    #expect(try harness.results("plans/abort").map(\.result) == [.error, .pending])
  }

  @Test func shellDiscoverAndPlanExitFirst() async throws {
    let (code, harness) = try await run("outcomes", ["/plans/shell"])
    #expect(try harness.results("plans/shell").map(\.result) == [.pass, .pass])
    #expect(code == 0)
  }

  @Test func missingPackageWithNoInstallStopsThePlan() async throws {
    let (code, harness) = try await run("outcomes", ["plans/needs", "--no-install"])
    #expect(code == 2)
    #expect(try harness.results("plans/needs").map(\.result) == [.pending])
    #expect(harness.lines.all.contains { $0.contains("hpctest-no-such-package-xyz") })
  }
}
