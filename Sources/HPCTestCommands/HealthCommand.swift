import ArgumentParser
import HPCBasics
import Workflow

/// `hpctest health [PLAN ...]`: the plans' fast read-only checks (tag `sysfs` or `health`), in-process, as a node
/// health program for Slurm (`HealthCheckProgram`, `Prolog`, cron). One line per failing device; exit 0 healthy,
/// 1 unhealthy, 2 its own error. `--slurm` drains the node on failure and resumes a node hpctest drained.
struct HealthCommand: GlobalCommand {
  static let configuration = CommandConfiguration(
    commandName: "health", abstract: "Node health check for Slurm: the plans' fast checks, drain/resume.",
    discussion: """
      Runs the selected plans' tests tagged `sysfs` or `health` (or those matching --filter) that run
      `hpctest check <name>`, in-process with each plan's environment, skipping plans whose hardware
      requirements this node does not meet. Prints one line per failing device, nothing on a healthy node
      (unless -v). Exit 0 healthy, 1 unhealthy (or timed out), 2 hpctest's own error (bad tree, site file,
      scontrol failure). With --slurm: on failure `scontrol update NodeName=<node> State=DRAIN
      Reason="hpctest: <first failure>"` unless the node is offline for another reason; on success
      `State=RESUME` only when the current reason starts with `hpctest:`. The node is $SLURMD_NODENAME or the
      short host name. See docs/HEALTH.md for the slurm.conf lines.
      """)

  @Argument(help: "Plans (plans/gpu, /plans/gpu or a regular expression); all enabled plans when none.")
  var plans: [String] = []

  @Option(help: "An fmf filter for the tests (repeatable), replacing the default 'tag: sysfs | tag: health'.")
  var filter: [String] = []

  @Flag(name: .shortAndLong, help: "Also print passing and skipped sub-results, notes and what was skipped.")
  var verbose = false

  @Flag(help: "Drain this node in Slurm on failure; resume it when hpctest drained it and it is healthy.")
  var slurm = false

  @Flag(name: .customLong("dry-run"), help: "With --slurm: print the scontrol command instead of running it.")
  var dryRun = false

  @Option(help: "Seconds before the watchdog gives up; with --slurm the node is drained 'hpctest: timeout'.")
  var timeout: Int = 30

  @Option(help: "The Slurm node name (default: $SLURMD_NODENAME, else the short host name).")
  var node: String?

  @Option(help: "A Slurm feature of this node for the site file's 'feature:NAME' patterns (repeatable).")
  var feature: [String] = []

  @Option(help: "The site file (default: /etc/hpctest/site.yaml when present).")
  var site: String?

  mutating func run(global: GlobalOptions) async throws {
    let environment = ProcessEnvironment.current()
    let slurm = self.slurm ? HealthSlurm(node: nodeName(environment), dryRun: dryRun, verbose: verbose) : nil
    let command = self
    let outcome = await HealthWatchdog.race(seconds: timeout) {
      await command.check(global: global, slurm: slurm)
    }
    let code: Int32
    switch outcome {
    case .finished(let finished): code = finished
    case .timedOut:
      Console.out("hpctest: timeout after \(timeout) s")
      code = await slurm?.apply(failure: "timeout") ?? 1
    }
    if code != 0 { throw ExitCode(code) }
  }

  /// Runs the checks, prints the failures, and acts in Slurm; the exit code.
  func check(global: GlobalOptions, slurm: HealthSlurm?) async -> Int32 {
    var features = Set(feature)
    if let slurm {
      guard let status = await slurm.status() else { return 2 }
      features.formUnion(status.features)
    }
    let report: HealthReport
    do {
      report = try await HealthReport.run(self, global: global, features: features)
    } catch {
      Console.error(error.description)
      return 2
    }
    for line in verbose ? report.verboseLines : report.failures { Console.out(line) }
    guard let slurm else { return report.failures.isEmpty ? 0 : 1 }
    return await slurm.apply(failure: report.failures.first)
  }

  private func nodeName(_ environment: [String: String]) -> String {
    if let node, !node.isEmpty { return node }
    if let name = environment["SLURMD_NODENAME"], !name.isEmpty { return name }
    let host = ProcessEnvironment.hostname()
    return host.split(separator: ".").first.map(String.init) ?? host
  }
}
