import ArgumentParser
import Checks
import HPCBasics
import Workflow

/// `hpctest check <name>`: runs one hardware check, prints a line per sub-result and a summary, reports the
/// sub-results to a running tmt/hpctest test, and exits 0 (pass/info/skip), 1 (fail/warn) or 2 (error).
struct CheckCommand: GlobalCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Run one hardware check (GPU, RDMA, cross-talk).",
    discussion: """
      Expected values come from, in order: --expect flags, HPCTEST_EXPECT_<KEY> variables (a plan's
      environment), the site file (--site FILE, $HPCTEST_SITE or /etc/hpctest/site.yaml), and built-in
      per-model defaults. An unknown key or a mistyped value in any of them is an error (exit 2) before the check
      runs.
      Under a harness ($TMT_TEST_DATA set) each sub-result is appended to tmt-report-results.yaml and figures to
      hpctest-figures.yaml. `hpctest check --list` lists the checks.
      """)

  @Argument(help: "The check, e.g. gpu.pcie-link (see --list).")
  var name: String?

  @Flag(help: "List the checks and exit.")
  var list = false

  @Option(name: .customLong("expect-gen"), help: "Expected PCIe generation (pcie-gen).")
  var expectGen: Int?

  @Option(name: .customLong("expect-width"), help: "Expected PCIe width (pcie-width).")
  var expectWidth: Int?

  @Option(name: .customLong("expect-count"), help: "Expected GPU count (gpus).")
  var expectCount: Int?

  @Option(name: .customLong("expect-model"), help: "Expected GPU model, e.g. A30 (gpu-model).")
  var expectModel: String?

  @Option(name: .customLong("expect-adapters"), help: "Expected RDMA adapter count (adapters).")
  var expectAdapters: Int?

  @Option(name: .customLong("expect-rate"), help: "Expected port rate in Gb/s (ib-rate).")
  var expectRate: Double?

  @Option(name: .customLong("expect-numvfs"), help: "Expected VFs per SR-IOV adapter (numvfs).")
  var expectNumVFs: Int?

  @Option(name: .customLong("expect"), help: "Any expectation as KEY=VALUE (repeatable), e.g. xid-window=3600.")
  var expect: [String] = []

  @Option(name: .customLong("require-tool"), help: "A vendor tool that must be present (repeatable).")
  var requireTool: [String] = []

  @Option(help: "The site file (default: $HPCTEST_SITE, else /etc/hpctest/site.yaml when present).")
  var site: String?

  @Option(name: .customLong("tool-timeout"), help: "Seconds a vendor tool may run (default 300).")
  var toolTimeout: Int = 300

  @Flag(help: "Print the result as JSON.")
  var json = false

  mutating func run(global: GlobalOptions) async throws {
    if list {
      printList()
      return
    }
    guard let name, CheckCatalogue.named(name) != nil else {
      let known = CheckCatalogue.all.map(\.name)
      let typo = Suggestion.phrase(for: name ?? "", among: known)
      throw ValidationError("unknown check '\(name ?? "")'\(typo) (`hpctest check --list` lists them)")
    }
    let environment = ProcessEnvironment.current()
    let context: CheckContext
    do {
      context = try makeContext(global: global, environment: environment)
    } catch let error as SiteFileError {
      Console.error(error.description)
      throw ExitCode(2)
    }
    // SIGINT/SIGTERM (a test's teardown) cancel the check, which tears down the tools it started (a listening
    // server among them) before hpctest exits.
    let result = await Interruption.run { await CheckCatalogue.run(name, context) }
    print(result)
    if let data = environment["TMT_TEST_DATA"], !data.isEmpty, !HarnessReport.write(result, dataDirectory: data) {
      Console.error("warning: could not write the sub-results under \(data)")
    }
    let code = result.outcome.exitCode
    if code != 0 { throw ExitCode(code) }
  }

  private func print(_ result: CheckResult) {
    if json {
      Console.out(CheckResultJSON.render(result))
      return
    }
    for item in result.items {
      Console.out(item.outcome.rawValue.padding(5) + " " + item.message)
    }
    for note in result.notes { Console.out("note  " + note) }
    Console.out(CheckSummary.line(result))
  }

  private func printList() {
    for definition in CheckCatalogue.all {
      Console.out(definition.name.padding(28) + definition.summary + " [needs: \(definition.needs)]")
    }
  }
}

extension String {
  /// The string padded with spaces to `width`.
  func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
