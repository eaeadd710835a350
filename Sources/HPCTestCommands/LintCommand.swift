import ArgumentParser
import HPCBasics
import TMTModel

/// `hpctest lint`: tmt lint's per-object checks on every test and plan, then G001 over all of them ("Lint
/// checks on all"). Exit code as tmt's: 1 when a printed object failed a check (a warning alone is 0), 2 when the
/// tree itself cannot be loaded. hpctest adds H001 (a plan's `HPCTEST_EXPECT_*` variables are known keys with
/// valid values) and H002 (the site file is valid).
struct LintCommand: GlobalCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint", abstract: "Check tests and plans (tmt lint's checks, plus duration and hardware syntax).")

  @OptionGroup var selection: SelectionOptions

  @Flag(name: .customLong("list-checks"), help: "List all available checks.")
  var listChecks = false

  @Flag(name: .customLong("failed-only"), help: "Display only tests/plans that fail a check.")
  var failedOnly = false

  @Option(
    name: .customLong("outcome-only"),
    help: ArgumentHelp("Display only checks with the given outcome.", valueName: "[skip|pass|fail|warn|fixed]"))
  var outcomeOnly: [LintOutcomeChoice] = []

  @Option(help: "The site file to lint (default: $HPCTEST_SITE, else /etc/hpctest/site.yaml when present).")
  var site: String?

  mutating func run(global: GlobalOptions) async throws {
    if listChecks {
      Console.write(fd: 1, TMTLintCatalog.listing)
      return
    }
    let catalog = try SelectionSupport.catalog(global)
    let reports = try SelectionSupport.select(
      TMTLint.run(catalog), selection: TMTSelection(names: selection.names), catalog: catalog, name: \.name,
      metadata: { _ in .init(.mapping([])) })
    var printer = LintPrinter(failedOnly: failedOnly, outcomes: Set(outcomeOnly.compactMap(\.outcome)))
    for report in reports {
      printer.add(header: report.name, results: report.results + ExpectationLint.planResults(report, catalog))
    }
    printer.add(header: "Lint checks on all", results: TMTLint.duplicateIds(reports))
    if let site = ExpectationLint.site(option: site, root: global.sysroot) {
      printer.add(header: site.header, results: site.results)
    }
    Console.write(fd: 1, printer.output)
    if printer.failed { throw ExitCode(1) }
  }
}

/// A value of `--outcome-only`: tmt's linter outcomes (`fixed` is accepted; hpctest never fixes).
enum LintOutcomeChoice: String, ExpressibleByArgument, CaseIterable {
  case skip, pass, fail, warn, fixed

  /// The outcome, nil for `fixed` (never produced).
  var outcome: TMTLintResult.Outcome? { TMTLintResult.Outcome(rawValue: rawValue) }
}

/// tmt's `_apply_linters` + printing: which objects and lines are shown, and whether the exit code is 1.
struct LintPrinter {
  var failedOnly: Bool
  /// Allowed outcomes; empty allows all.
  var outcomes: Set<TMTLintResult.Outcome>
  private(set) var output = ""
  private(set) var failed = false

  init(failedOnly: Bool, outcomes: Set<TMTLintResult.Outcome>) {
    self.failedOnly = failedOnly
    self.outcomes = outcomes
  }

  /// Adds one object's block unless tmt would hide it; an invalid object that is shown makes the exit code 1.
  mutating func add(header: String, results: [TMTLintResult]) {
    let valid = !results.contains { $0.outcome == .fail }
    if valid && failedOnly { return }
    let allowed = outcomes.isEmpty ? results : results.filter { outcomes.contains($0.outcome) }
    if allowed.isEmpty && !outcomes.isEmpty { return }
    output += ([header] + allowed.map(\.line)).joined(separator: "\n") + "\n\n"
    if !valid { failed = true }
  }
}
