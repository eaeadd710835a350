import ArgumentParser
import HPCBasics

/// A subcommand that needs the global options (`--root`, `-c`, `--sysroot`).
public protocol GlobalCommand: AsyncParsableCommand {
  /// Runs with the global options extracted by the entry point.
  mutating func run(global: GlobalOptions) async throws
}

extension GlobalCommand {
  /// Runs with default global options (used when called without the entry point).
  public mutating func run() async throws {
    try await run(global: GlobalOptions())
  }
}
