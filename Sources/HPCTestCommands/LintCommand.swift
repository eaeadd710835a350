import ArgumentParser
import HPCBasics
import TMTModel

/// `hpctest lint`: tmt lint's per-object checks on every test and plan, all collected, then one exit code
/// (1 when any check failed, as tmt; 2 when the tree itself cannot be loaded). hpctest adds H001 (a plan's
/// `HPCTEST_EXPECT_*` variables are known keys with valid values) and H002 (the site file is valid).
struct LintCommand: GlobalCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint", abstract: "Check tests and plans (tmt lint's checks, plus duration and hardware syntax).")

  @OptionGroup var selection: SelectionOptions

  @Flag(name: .customLong("failed-only"), help: "Print only objects with failed checks.")
  var failedOnly = false

  @Option(help: "The site file to lint (default: $HPCTEST_SITE, else /etc/hpctest/site.yaml when present).")
  var site: String?

  mutating func run(global: GlobalOptions) async throws {
    let catalog = try SelectionSupport.catalog(global)
    var reports = TMTLint.run(catalog)
    reports = try SelectionSupport.select(
      reports, selection: TMTSelection(names: selection.names), catalog: catalog, name: \.name,
      metadata: { _ in .init(.mapping([])) })
    var blocks = reports.map { ExpectationLint.block($0, catalog) }
    if let site = ExpectationLint.site(option: site, root: global.sysroot) { blocks.append(site) }
    let printed = blocks.filter { !failedOnly || $0.failed }.map {
      ([$0.name] + $0.lines).joined(separator: "\n") + "\n"
    }
    Console.write(fd: 1, printed.joined(separator: "\n"))
    if blocks.contains(where: \.failed) { throw ExitCode(1) }
  }
}
