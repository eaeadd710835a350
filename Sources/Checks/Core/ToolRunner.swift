import HPCBasics

/// What running a vendor tool gave.
package enum ToolOutcome: Sendable, Hashable {
  /// The tool ran to the end: its exit status and its standard output and error, merged.
  case finished(status: Int32, output: String)
  /// The tool is not installed (not on PATH); the text says what was looked for.
  case notFound(String)
  /// The tool ran past its time limit and was killed; what it printed until then.
  case timedOut(output: String)
  /// The tool could not be started (the text says why).
  case failedToStart(String)
}

/// Runs vendor tools (`nvidia-smi`, `ibv_devinfo`, ...) for the checks; tests serve recorded outputs.
package protocol ToolRunner: Sendable {
  /// Runs `argv` (argv[0] looked up on PATH) with a time limit.
  func run(_ argv: [String], timeout: Duration) async -> ToolOutcome
  /// Runs several commands at once (load checks) and returns their outcomes in order.
  func runConcurrently(_ commands: [[String]], timeout: Duration) async -> [ToolOutcome]
}

extension ToolRunner {
  /// Runs the commands in parallel tasks.
  package func runConcurrently(_ commands: [[String]], timeout: Duration) async -> [ToolOutcome] {
    await withTaskGroup(of: (Int, ToolOutcome).self) { group in
      for (index, argv) in commands.enumerated() {
        group.addTask { (index, await self.run(argv, timeout: timeout)) }
      }
      var outcomes = [ToolOutcome](repeating: .failedToStart("not run"), count: commands.count)
      for await (index, outcome) in group { outcomes[index] = outcome }
      return outcomes
    }
  }
}

/// The runner used under a fixture root (`--sysroot DIR`): vendor tools would describe the live machine, not the
/// fixture, so every tool counts as absent.
package struct FixtureRootRunner: ToolRunner {
  /// The fixture root, for the note.
  package var root: SystemRoot

  /// Creates the runner.
  package init(root: SystemRoot) { self.root = root }

  /// Always `notFound`.
  package func run(_ argv: [String], timeout: Duration) async -> ToolOutcome {
    .notFound("\(argv.first ?? "?") is not run against the fixture root \(root)")
  }
}
