import ArgumentParser
import HPCBasics
import TMTModel

/// `hpctest lint`: tmt lint's per-object checks on every test and plan, all collected, then one exit code
/// (1 when any check failed, as tmt; 2 when the tree itself cannot be loaded).
struct LintCommand: GlobalCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint", abstract: "Check tests and plans (tmt lint's checks, plus duration and hardware syntax).")

  @OptionGroup var selection: SelectionOptions

  @Flag(name: .customLong("failed-only"), help: "Print only objects with failed checks.")
  var failedOnly = false

  mutating func run(global: GlobalOptions) async throws {
    let catalog = try SelectionSupport.catalog(global)
    var reports = TMTLint.run(catalog)
    reports = try SelectionSupport.select(
      reports, selection: TMTSelection(names: selection.names), catalog: catalog, name: \.name,
      metadata: { _ in .init(.mapping([])) })
    var blocks: [String] = []
    for report in reports where !failedOnly || report.failed {
      blocks.append(([report.name] + report.results.map(\.line)).joined(separator: "\n") + "\n")
    }
    Console.write(fd: 1, blocks.joined(separator: "\n"))
    if reports.contains(where: \.failed) { throw ExitCode(1) }
  }
}
