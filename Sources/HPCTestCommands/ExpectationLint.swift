import Checks
import HPCBasics
import TMTModel
import Workflow

/// hpctest's own lint checks on expectations, printed like tmt lint's lines: H001 for a plan's
/// `HPCTEST_EXPECT_*` variables, H002 for the site file (`--site`, `$HPCTEST_SITE`, else the default under the
/// system root when present).
enum ExpectationLint {
  /// H001 for the report of a plan that sets `HPCTEST_EXPECT_*` variables (nothing for tests and other plans, so
  /// tmt's own lint output stays as tmt prints it).
  static func planResults(_ report: TMTLintReport, _ catalog: TMTCatalog) -> [TMTLintResult] {
    guard let plan = catalog.plans.first(where: { $0.name == report.name }),
      plan.environment.contains(where: { $0.0.hasPrefix("HPCTEST_EXPECT_") })
    else { return [] }
    let problems = RunPreflight.environmentProblems(plan)
    guard !problems.isEmpty else {
      return [TMTLintResult(outcome: .pass, code: "H001", message: "expectation variables are valid")]
    }
    return problems.map { TMTLintResult(outcome: .fail, code: "H001", message: $0.description) }
  }

  /// The site file's header and H002 results, nil when there is no site file to lint.
  static func site(option: String?, root: SystemRoot) -> (header: String, results: [TMTLintResult])? {
    let explicit = SiteLoader.explicitPath(option: option, environment: ProcessEnvironment.current())
    guard let path = SiteLoader.path(explicit: explicit, root: root) ?? explicit else { return nil }
    let problems = SiteFile.lint(path)
    let results =
      problems.isEmpty
      ? [TMTLintResult(outcome: .pass, code: "H002", message: "site file is valid")]
      : problems.map { TMTLintResult(outcome: .fail, code: "H002", message: $0.description) }
    return ("site file \(path)", results)
  }
}
