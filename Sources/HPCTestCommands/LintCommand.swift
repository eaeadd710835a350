import ArgumentParser
import HPCBasics

/// `hpctest lint` (skeleton; its issue fills it in).
struct LintCommand: GlobalCommand {
  static let configuration = CommandConfiguration(commandName: "lint", abstract: "Not implemented yet.")

  mutating func run(global: GlobalOptions) async throws {
    Console.error("error: 'hpctest lint' is not implemented yet")
    throw ExitCode(2)
  }
}
