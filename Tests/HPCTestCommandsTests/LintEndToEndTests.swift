import Glibc
import HPCBasics
import Testing

/// `hpctest lint` against golden output recorded from tmt 1.78.0 (see Fixtures/lint-tmt-golden/SOURCE) on a tree
/// that triggers T006-T009, P005, P007 and G001, plus a live comparison when the reference is installed.
@Suite struct LintEndToEndTests {
  static let fixtures = Path.dirname(#filePath) + "/Fixtures"
  static let tree = fixtures + "/lint-tmt"

  /// An empty system root, so that a site file installed on the host (/etc/hpctest/site.yaml, which adds an H002
  /// section tmt does not print) cannot change the output compared with tmt's.
  static let emptyRoot = EndToEndTests.temporaryDirectory()

  /// `hpctest --sysroot EMPTY ARGUMENTS` in the lint tree.
  static func lint(_ arguments: [String]) -> EndToEndTests.Outcome {
    EndToEndTests.hpctest(["--sysroot", emptyRoot] + arguments, in: tree)
  }

  static func golden(_ name: String) -> String {
    (FileSystem.readText(fixtures + "/lint-tmt-golden/" + name) ?? "").replacing("@ROOT@", with: tree)
  }

  @Test func lintMatchesTmtWithExitCode1() {
    let outcome = Self.lint(["lint"])
    #expect(outcome.output == Self.golden("lint.txt"))
    #expect(outcome.status == 1)
  }

  /// `--outcome-only` hides lines, not failures: a shown object that failed a check still makes the exit code 1.
  @Test func outcomeOnlyFiltersLinesButKeepsTheExitCode() {
    let outcome = Self.lint(["lint", "--outcome-only", "warn"])
    #expect(outcome.output == Self.golden("outcome-only-warn.txt"))
    #expect(outcome.status == 1)
  }

  /// Warnings alone (C001 here) do not fail lint: exit 0, as `tmt lint duplicate-one` (recorded in lint-one.txt).
  @Test func warningsAloneExitZero() {
    let outcome = Self.lint(["lint", "duplicate-one"])
    #expect(outcome.output == Self.golden("lint-one.txt"))
    #expect(outcome.status == 0)
  }

  @Test func listChecksPrintsTmtsTestAndPlanLinters() {
    let outcome = Self.lint(["lint", "--list-checks"])
    let reference = Self.golden("list-checks.txt")
    let withoutStories = String(reference[..<reference.range(of: "Linters available for stories")!.lowerBound])
    #expect(outcome.output == withoutStories)
    #expect(outcome.status == 0)
  }

  @Test func failedOnlyShowsOnlyFailingObjects() {
    let outcome = Self.lint(["lint", "--failed-only"])
    let headers = outcome.output.split(separator: "\n").filter { $0.hasPrefix("/") || $0.hasPrefix("Lint checks") }
    #expect(
      headers == [
        "/tests/coverage", "/tests/manual/missing", "/tests/require-without-type", "/plans/remote-ids",
        "/plans/where", "/plans/where-no-roles", "Lint checks on all",
      ])
    #expect(outcome.status == 1)
  }

  /// The same three commands through the reference tmt, when HPCTEST_REFERENCE_VENV names it and it has
  /// python-markdown (tmt's `test-convert` extra, needed by T008).
  @Test func liveReferenceAgrees() throws {
    guard let venv = ProcessInfoLite.environment("HPCTEST_REFERENCE_VENV") else {
      print("note: skipping the live tmt lint comparison: HPCTEST_REFERENCE_VENV is not set")
      return
    }
    guard system("'\(venv)/bin/python' -c 'import markdown' 2>/dev/null") == 0 else {
      print("note: skipping the live tmt lint comparison: the reference venv lacks python-markdown (tmt[test-convert])")
      return
    }
    for arguments in [["lint"], ["lint", "--outcome-only", "warn"], ["lint", "duplicate-one"]] {
      let log = EndToEndTests.temporaryDirectory() + "/tmt.out"
      let status = system(
        "cd '\(Self.tree)' && HOME=/nonexistent-home '\(venv)/bin/tmt' \(arguments.joined(separator: " ")) "
          + ">'\(log)' 2>/dev/null")
      let mine = Self.lint(arguments)
      #expect(mine.output == FileSystem.readText(log), "\(arguments)")
      #expect(mine.status == (status >> 8) & 0xff, "\(arguments)")
    }
  }
}
