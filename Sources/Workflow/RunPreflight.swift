import Checks
import HPCBasics
import TMTModel
import YAML

/// What `hpctest run` validates before any test runs: the site file (`--site`, `$HPCTEST_SITE`, else the default
/// under the system root when present) and every `HPCTEST_EXPECT_*` variable of the selected plans and of `-e`.
/// Each test runs `hpctest check` in its own process, which would otherwise fail every test on the same mistake.
/// Only runs that execute tests are checked (`--last report` regenerates reports whatever the site file says).
package enum RunPreflight {
  /// Every problem, located (file:line:column where the plan or site file gives one).
  package static func problems(plans: [TMTPlan], options: RunOptions) -> [Diagnostic] {
    siteProblems(options) + plans.flatMap(environmentProblems)
      + options.environment.compactMap { name, value in
        Expectations.variableProblem(name, value).map { Diagnostic.error($0, keyPath: "-e \(name)=\(value)") }
      }
  }

  package static func siteProblems(_ options: RunOptions) -> [Diagnostic] {
    if let site = options.site { return SiteFile.lint(site) }
    let path = options.sysroot.resolve(SiteFile.defaultPath)
    return FileSystem.readText(path) == nil ? [] : SiteFile.lint(path)
  }

  /// The problems of a plan's `environment:` (after adjust), at the value's position in its file.
  package static func environmentProblems(_ plan: TMTPlan) -> [Diagnostic] {
    plan.environment.compactMap { name, node in
      let text = node.scalarText ?? ""
      guard let problem = Expectations.variableProblem(name, text) else { return nil }
      return Diagnostic.error(problem, at: node.location, keyPath: "\(plan.name):environment.\(name)")
    }
  }
}
