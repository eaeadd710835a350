import Checks
import Executors
import HPCBasics
import Workflow

/// `hpctest health --slurm`: reads the node's state with `scontrol show node` and applies `HealthSlurmPolicy`
/// with `scontrol update` (or prints the command with `--dry-run`). scontrol is looked up on `$PATH`, else in
/// `/usr/local/bin:/usr/bin:/bin` and the sbin directories (slurmd gives its HealthCheckProgram no environment).
struct HealthSlurm: Sendable {
  /// The Slurm node name.
  var node: String
  /// Print instead of running `scontrol update`.
  var dryRun: Bool
  /// Say what was decided when nothing is done (`-v`).
  var verbose = false
  /// How long one scontrol call may take.
  var timeout: Duration = .seconds(20)

  /// The node's status, or nil after printing why it could not be read.
  func status() async -> SlurmNodeStatus? {
    switch await ProcessToolRunner().run(["scontrol", "show", "node", node], timeout: timeout) {
    case .finished(0, let output):
      if let status = SlurmNodeStatus.parse(output) { return status }
      Console.error("error: cannot read the state of node '\(node)' from scontrol: \(output.firstLine)")
    case .finished(let status, let output):
      Console.error("error: scontrol show node \(node) exited \(status): \(output.firstLine)")
    case .notFound(let why), .failedToStart(let why):
      Console.error("error: \(why)")
    case .timedOut:
      Console.error("error: scontrol show node \(node) timed out after \(timeout)")
    }
    return nil
  }

  /// Drains (failure) or resumes (nil) the node as the policy says; the exit code: 1 with a failure, 0 without,
  /// 2 when the node's state cannot be read or scontrol refuses the update.
  func apply(failure: String?) async -> Int32 {
    let healthy: Int32 = failure == nil ? 0 : 1
    guard let status = await status() else { return 2 }
    let action = HealthSlurmPolicy.action(status: status, failure: failure)
    guard let argv = HealthSlurmPolicy.argv(action, node: node) else {
      if verbose, case .none(let why) = action { Console.out("slurm: node \(node): \(why)") }
      return healthy
    }
    if dryRun {
      Console.out(argv.map(ShellQuote.quote).joined(separator: " "))
      return healthy
    }
    switch await ProcessToolRunner().run(argv, timeout: timeout) {
    case .finished(0, _): return healthy
    case .finished(let code, let output):
      Console.error("error: \(argv.joined(separator: " ")) exited \(code): \(output.firstLine)")
    case .notFound(let why), .failedToStart(let why): Console.error("error: \(why)")
    case .timedOut: Console.error("error: \(argv.joined(separator: " ")) timed out after \(timeout)")
    }
    return 2
  }
}

extension String {
  /// The first line, without trailing spaces.
  var firstLine: String { split(separator: "\n").first.map { String($0).trimmingSpaces() } ?? "" }
}
