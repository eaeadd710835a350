import Checks
import HPCBasics
import TMTModel
import Workflow

/// hpctest's own lint checks on expectations, printed like tmt lint's lines: H001 for a plan's
/// `HPCTEST_EXPECT_*` variables, H002 for the site file (`--site`, `$HPCTEST_SITE`, else the default under the
/// system root when present).
enum ExpectationLint {
  /// One printed block: a name and its `pass|fail CODE message` lines.
  struct Block {
    var name: String
    var lines: [String]
    var failed: Bool
  }

  /// The block of a tmt lint report, with H001 for a plan's report.
  static func block(_ report: TMTLintReport, _ catalog: TMTCatalog) -> Block {
    var block = Block(name: report.name, lines: report.results.map(\.line), failed: report.failed)
    guard let plan = catalog.plans.first(where: { $0.name == report.name }) else { return block }
    let problems = RunPreflight.environmentProblems(plan)
    block.lines += problems.isEmpty ? ["pass H001 expectation variables are valid"] : problems.map { "fail H001 \($0)" }
    block.failed = block.failed || !problems.isEmpty
    return block
  }

  /// The block of the site file, nil when there is none to lint.
  static func site(option: String?, root: SystemRoot) -> Block? {
    let explicit = SiteLoader.explicitPath(option: option, environment: ProcessEnvironment.current())
    guard let path = SiteLoader.path(explicit: explicit, root: root) ?? explicit else { return nil }
    let problems = SiteFile.lint(path)
    let lines = problems.isEmpty ? ["pass H002 site file is valid"] : problems.map { "fail H002 \($0)" }
    return Block(name: "site file \(path)", lines: lines, failed: !problems.isEmpty)
  }
}
