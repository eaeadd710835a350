import ArgumentParser
import HPCBasics
import Reporting
import Workflow

/// `hpctest compare RUN_A RUN_B`: lines up two runs' outcomes and figures by plan, test and device; text, `--json`
/// or an HTML page; exit 1 on a regression with `--fail-on-regression`, 2 on bad input.
struct CompareCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare two runs: changed outcomes, then every figure with its relative change.",
    discussion: """
      RUN_A and RUN_B are run directories or names under the workdir root, as 'run --id' takes them. Outcomes and
      figures are lined up by plan, test (and guest) and device. A regression is an outcome that got worse (into
      warn, fail or error), or a figure that moved past its own tolerance in its bad direction (a drop for a
      figure bounded below, a rise for one bounded above) or left its tolerance band.
      Exit codes: 0, or 1 with --fail-on-regression when there is a regression; 2 on bad input.
      """)

  @Argument(help: "The earlier run (directory, or name under the workdir root).")
  var before: String

  @Argument(help: "The later run (directory, or name under the workdir root).")
  var after: String

  @Flag(name: .long, help: "Print the comparison as JSON.")
  var json = false

  @Option(name: .long, help: "Also write the comparison as a self-contained HTML page to FILE.")
  var html: String?

  @Flag(name: .long, help: "Exit 1 when an outcome got worse or a figure moved past its tolerance the bad way.")
  var failOnRegression = false

  @Option(name: .long, help: "Where named runs live (default: $HPCTEST_WORKDIR_ROOT, else /var/tmp/hpctest).")
  var workdirRoot: String?

  mutating func run() async throws {
    let root = workdirRoot ?? RunEnvironment.workdirRoot ?? "/var/tmp/hpctest"
    let comparison: RunComparison
    do {
      let first = try ReportedRun.read(Self.runDirectory(before, root: root))
      let second = try ReportedRun.read(Self.runDirectory(after, root: root))
      comparison = RunComparison.compare(first, second)
    } catch {
      Console.error(error.description)
      throw ExitCode(2)
    }
    if let html {
      let path = Path.absolute(html)
      guard FileSystem.writeAtomically(path, HTMLReport.document(comparison)) else {
        Console.error("error: cannot write the HTML comparison to '\(path)'")
        throw ExitCode(2)
      }
    }
    Console.write(fd: 1, json ? comparison.json.rendered() : comparison.text.terminalEscaped)
    let count = comparison.regressions
    if failOnRegression && count.outcomes + count.figures > 0 { throw ExitCode(1) }
  }

  /// `run --id`'s reading: a value with a `/` is a directory (relative to the current one), a bare name lives
  /// under `root`.
  static func runDirectory(_ id: String, root: String) -> String {
    RunDirectory.path(forID: id, root: root)
  }
}
