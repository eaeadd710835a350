public import ArgumentParser

/// The `hpctest` command tree.
public struct HPCTest: AsyncParsableCommand {
  /// Command configuration: tmt's subcommand names plus hpctest's own.
  public static let configuration = CommandConfiguration(
    commandName: "hpctest",
    abstract: "A TMT-compatible hardware test harness for HPC nodes.",
    discussion: """
      Global options (anywhere before the subcommand; -c and --sysroot also after it):
        -r, --root DIR          FMF tree root (default: current directory)
        -c, --context K=V[,V]   context dimension for adjust rules (repeatable)
        --sysroot DIR           read /sys and /proc under DIR instead of the live system
      """,
    version: "0.1.0",
    subcommands: [
      TestsCommand.self, PlansCommand.self, LintCommand.self, FMFCommand.self, ProbeCommand.self,
      RunCommand.self, CheckCommand.self, HealthCommand.self, StatusCommand.self, CleanCommand.self,
      CompareCommand.self,
    ]
  )

  /// Creates the root command.
  public init() {}
}
