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
