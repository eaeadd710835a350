public import HPCBasics
public import TMTModel

/// One check `hpctest health` runs in-process: the check (`gpu.pcie-link`), the test and plan that ask for it, and
/// the environment that test would get from `hpctest run` (test `environment:` < plan `environment:`).
package struct HealthCheck: Sendable, Equatable {
  /// The check's catalogue name, from the test's `hpctest check <name>` command.
  package var check: String
  /// The test's name (`/tests/gpu/pcie-link`).
  package var test: String
  /// The plan's name (`/plans/gpu`).
  package var plan: String
  /// Test, then plan environment (`HPCTEST_EXPECT_*` among them).
  package var environment: [String: String]

  /// Creates a check.
  package init(check: String, test: String, plan: String, environment: [String: String]) {
    self.check = check
    self.test = test
    self.plan = plan
    self.environment = environment
  }
}

/// What `hpctest health` runs: the selected plans' tests that are fast, read-only checks (tag `sysfs` or `health`,
/// or `--filter`), as `hpctest check` commands, deduplicated by check and environment. Plans whose
/// `provision: hardware:` this node does not meet are left out, as `hpctest run` skips them.
package struct HealthSelection: Sendable {
  /// The tags that make a test a health check when no `--filter` is given.
  package static let defaultFilter = "tag: sysfs | tag: health"

  /// The checks to run, in plan then test order.
  package var checks: [HealthCheck] = []
  /// `plan: reason` for each plan left out.
  package var skippedPlans: [String] = []
  /// Tests that match the filter but do not run `hpctest check <name>` (they need a process: not a health check).
  package var ignoredTests: [String] = []

  /// Selects from `tests`/`plans` (the tree at `root`): plans by `options.planNames`, tests by the plans' own
  /// discover phases and `filters` (default: `defaultFilter`); `hardware` says why a plan's requirements are unmet.
  package static func select(
    tests: [TMTTest], plans: [TMTPlan], root: String, options: RunOptions, filters: [String],
    loader: @escaping Discovery.TreeLoader, hardware: HardwareGate
  ) throws(Diagnostic) -> HealthSelection {
    var options = options
    options.testFilters += filters.isEmpty ? [defaultFilter] : filters
    let runner = Runner(
      tests: tests, plans: plans, root: root, options: options, log: RunLog(verbosity: 0, quiet: true),
      loader: loader)
    let discovery = Discovery(tests: tests, root: root, options: options, loader: loader)
    var selection = HealthSelection()
    for plan in runner.selectedPlans() {
      if let unmet = hardware(plan) {
        selection.skippedPlans.append("\(plan.name): \(unmet)")
        continue
      }
      for found in try discovery.discover(plan) { selection.add(found.test, plan: plan) }
    }
    return selection
  }

  mutating func add(_ test: TMTTest, plan: TMTPlan) {
    guard let check = Self.checkName(test.test) else {
      ignoredTests.append(test.name)
      return
    }
    var environment: [String: String] = [:]
    for (key, value) in test.environment { environment[key] = value }
    for (key, node) in plan.environment { if let text = node.scalarText { environment[key] = text } }
    let item = HealthCheck(check: check, test: test.name, plan: plan.name, environment: environment)
    if !checks.contains(where: { $0.check == item.check && $0.environment == item.environment }) {
      checks.append(item)
    }
  }

  /// `gpu.pcie-link` from `hpctest check gpu.pcie-link` (nil for any other command, or one with more arguments).
  package static func checkName(_ command: String) -> String? {
    let words = command.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
    guard words.count == 3, words[0] == "hpctest" || words[0].hasSuffix("/hpctest"), words[1] == "check" else {
      return nil
    }
    return String(words[2])
  }
}
