import ArgumentParser
import HPCBasics
import Workflow

/// `hpctest clean runs`: tmt's `clean runs`: removes run directories under the workdir root.
struct CleanCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clean",
    abstract: "Clean workdirs of past runs (tmt clean runs).",
    subcommands: [Runs.self])

  /// `hpctest clean runs [--keep N] [--last] [--id ID]... [--dry]`.
  struct Runs: GlobalCommand {
    static let configuration = CommandConfiguration(
      commandName: "runs",
      abstract: "Remove run directories (all by default; --keep N keeps the newest N).",
      discussion: "Only real directories of this user (or root) inside the workdir root are removed.")

    @Option(name: .long, help: "Directory holding the run directories.")
    var workdirRoot: String?

    @Flag(name: [.short, .long], help: "Clean the workdir of the last run.")
    var last = false

    @Option(name: [.short, .long], help: "Run id (name or directory path) to clean; repeatable.")
    var id: [String] = []

    @Option(name: [.short, .long], help: "The number of latest workdirs to keep, clean the rest.")
    var keep: Int?

    @Flag(name: [.customShort("n"), .long], help: "Only show what would be removed.")
    var dry = false

    mutating func run(global: GlobalOptions) async throws {
      var request = RunCleaner.Request(
        root: Path.absolute(workdirRoot ?? RunEnvironment.workdirRoot ?? RunOptions().workdirRoot))
      request.ids = id
      request.last = last
      request.keep = keep
      request.dry = dry
      do {
        let (lines, ok) = try RunCleaner.clean(request)
        Console.out(lines.joined(separator: "\n"))
        if !ok { throw ExitCode(1) }
      } catch let error as Diagnostic {
        Console.error(error.description)
        throw ExitCode(2)
      }
    }
  }
}
