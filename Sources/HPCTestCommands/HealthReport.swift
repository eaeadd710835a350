import Checks
import HPCBasics
import Workflow

/// What one `hpctest health` found: the check results of the selected tests, as NHC-style lines.
struct HealthReport {
  /// The checks that ran and their results, in plan and test order.
  var results: [(HealthCheck, CheckResult)] = []
  /// The plans left out and why.
  var skippedPlans: [String] = []
  /// Selected tests that do not run `hpctest check <name>`.
  var ignoredTests: [String] = []

  /// `gpu.pcie-link 0000:c1:00.0: PCIe link ... x8, expected ... x16`, one per failing (fail or error) sub-result,
  /// without repeats.
  var failures: [String] {
    var lines: [String] = []
    for (_, result) in results {
      for item in result.items where item.outcome == .fail || item.outcome == .error {
        let line = Self.line(result.check, item)
        if !lines.contains(line) { lines.append(line) }
      }
    }
    return lines
  }

  /// Every sub-result with its outcome, the notes, the summaries and what was skipped (`-v`).
  var verboseLines: [String] {
    var lines: [String] = []
    for (check, result) in results {
      lines.append("\(CheckSummary.line(result))  [\(check.plan) \(check.test)]")
      lines += result.items.map { "  " + $0.outcome.rawValue.padding(5) + " " + Self.line(result.check, $0) }
      lines += result.notes.map { "  note  " + $0 }
    }
    lines += skippedPlans.map { "skipped plan " + $0 }
    lines += ignoredTests.map { "not a health check (no `hpctest check <name>`): " + $0 }
    lines.append(failures.isEmpty ? "healthy (\(results.count) checks)" : "unhealthy: \(failures.count) failures")
    return lines
  }

  /// The check's name, then its message (which names the device), or the item's name when the message does not.
  static func line(_ check: String, _ item: CheckItem) -> String {
    if item.name == check { return "\(check): \(item.message)" }
    return item.message.contains(item.name) ? "\(check) \(item.message)" : "\(check) \(item.name): \(item.message)"
  }

  /// Selects and runs the checks of `command`'s plans on `global.sysroot`.
  static func run(_ command: HealthCommand, global: GlobalOptions, features: Set<String>) async throws(HealthError)
    -> HealthReport
  {
    let selection = try select(command, global: global)
    let root = CheckCommand.root(global: global, environment: [:])
    let site: [String: String]
    do {
      site = try HostList.$features.withValue(features) {
        try SiteLoader.expectations(explicit: command.site, root: root, hostname: ProcessEnvironment.hostname())
      }
    } catch {
      throw HealthError("\(error)")
    }
    var report = HealthReport(skippedPlans: selection.skippedPlans, ignoredTests: selection.ignoredTests)
    for check in selection.checks {
      let context = CheckCommand.context(
        root: root, flags: [:], environment: check.environment, site: site, toolTimeout: command.timeout)
      report.results.append((check, await CheckCatalogue.run(check.check, context)))
    }
    return report
  }

  private static func select(_ command: HealthCommand, global: GlobalOptions) throws(HealthError) -> HealthSelection {
    var options = RunOptions()
    options.planNames = command.plans
    options.context = global.context
    options.sysroot = global.sysroot
    do throws(Diagnostic) {
      let tree = HealthTree.root(global.root)
      let catalog = try RunCatalog.load(tree, context: global.context)
      if let error = catalog.errors.first { throw error }
      let context = global.context
      return try HealthSelection.select(
        tests: catalog.tests, plans: catalog.plans, root: catalog.root, options: options, filters: command.filter,
        loader: { (path) throws(Diagnostic) in try RunCatalog.load(path, context: context).tests },
        hardware: RunHardware.gate(sysroot: global.sysroot))
    } catch {
      throw HealthError(error.description)
    }
  }
}

/// An error of `hpctest health` itself (exit 2): a tree, plan or site file that cannot be used.
struct HealthError: Error, CustomStringConvertible {
  /// The diagnostic text.
  var description: String

  init(_ description: String) { self.description = description }
}
