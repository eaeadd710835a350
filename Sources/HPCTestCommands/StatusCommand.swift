import ArgumentParser
import HPCBasics
import Workflow

/// `hpctest status`: tmt's `status`: the runs under the workdir root and how far each got (`-v` per plan, `-vv`
/// per step), filtered with `--active`, `--finished` or `--abandoned`.
struct StatusCommand: GlobalCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show the status of runs (tmt status).",
    discussion: "Lists the runs under the workdir root (default /var/tmp/hpctest, or HPCTEST_WORKDIR_ROOT): the "
      + "last completed step, 'done' when every enabled step completed. -v: one line per plan; -vv: every step.")

  @Option(name: .long, help: "Directory holding the run directories.")
  var workdirRoot: String?

  @Option(name: [.short, .long], help: "Run id (name or directory path); repeatable.")
  var id: [String] = []

  @Flag(name: .long, help: "Runs whose provision step is done but whose finish step is not.")
  var abandoned = false

  @Flag(name: .long, help: "Runs with at least one enabled step not done.")
  var active = false

  @Flag(name: .long, help: "Runs with every enabled step done.")
  var finished = false

  @Flag(name: .short, help: "More detail: -v per plan, -vv per step.")
  var verbose: Int

  mutating func run(global: GlobalOptions) async throws {
    let root = workdirRoot ?? RunEnvironment.workdirRoot ?? RunOptions().workdirRoot
    let filter: RunStatus.Filter = abandoned ? .abandoned : active ? .active : finished ? .finished : .all
    do {
      let runs = try RunStatus.runs(root: Path.absolute(root), ids: id)
      Console.out(RunStatus.table(runs, verbosity: verbose, filter: filter).joined(separator: "\n"))
    } catch {
      Console.error(error.description)
      throw ExitCode(2)
    }
  }
}
