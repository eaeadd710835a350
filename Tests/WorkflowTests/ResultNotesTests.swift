import HPCBasics
import TMTModel
import Testing

@testable import Workflow

/// results.yaml as tools read it: a failing (or skipped) test's `note` holds the reasons of its sub-results, each
/// sub-result keeps its own note from `tmt-report-results.yaml`, and `hpctest-figures.yaml` is among the logs.
@Suite struct ResultNotesTests {
  /// A test that reports one sub-result per outcome the way `hpctest check` writes them (a `note` list each).
  static func reporting(_ outcomes: [String]) -> String {
    let entries = outcomes.enumerated().map { index, outcome in
      "  - name: \"/dev\(index)\"\n    result: \"\(outcome)\"\n    note:\n      - \"dev\(index): got \(outcome)\"\n"
    }
    return "printf '%s' '\(entries.joined())' > \"$TMT_TEST_DATA/tmt-report-results.yaml\""
  }

  @Test(arguments: [
    (["pass", "fail", "pass", "warn"], ResultOutcome.fail, ["dev1: got fail", "dev3: got warn"]),
    (["pass", "warn"], .warn, ["dev1: got warn"]),
    (["skip", "skip"], .skip, ["dev0: got skip", "dev1: got skip"]),
    (["pass", "skip"], .pass, []),
  ])
  func noteHoldsTheReasons(outcomes: [String], outcome: ResultOutcome, note: [String]) async throws {
    let harness = Harness()
    defer { FileSystem.removeTree(harness.workdirRoot) }
    _ = try await harness.run([Harness.test("/tests/a", Self.reporting(outcomes))])
    let result = try #require(try harness.result("/tests/a"))
    #expect(result.result == outcome)
    #expect(result.note == note)
    #expect(result.subresult.map(\.note) == outcomes.indices.map { ["dev\($0): got \(outcomes[$0])"] })
  }

  /// The figures file is listed once, whether the test wrote it, also submitted it, or wrote none.
  @Test(arguments: [
    ("echo '- {name: bw, value: 1}' > \"$TMT_TEST_DATA/hpctest-figures.yaml\"", 1),
    ("echo '- {name: bw}' > f/hpctest-figures.yaml; tmt-file-submit -l f/hpctest-figures.yaml", 1),
    ("true", 0),
  ])
  func figuresAreAmongTheLogs(script: String, count: Int) async throws {
    let harness = Harness()
    defer { FileSystem.removeTree(harness.workdirRoot) }
    let setup = "mkdir -p f; "
    #expect(try await harness.run([Harness.test("/tests/a", setup + script)]) == 0)
    let result = try #require(try harness.result("/tests/a"))
    let figures = result.log.filter { $0.hasSuffix("/data/hpctest-figures.yaml") }
    #expect(figures.count == count, "\(result.log)")
    for log in figures { #expect(FileSystem.exists(harness.runDirectory + "/plans/execute/" + log)) }
  }
}
