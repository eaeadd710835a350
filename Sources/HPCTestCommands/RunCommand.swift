import ArgumentParser
import HPCBasics

/// `hpctest run` (skeleton; its issue fills it in).
struct RunCommand: GlobalCommand {
  static let configuration = CommandConfiguration(commandName: "run", abstract: "Not implemented yet.")

  mutating func run(global: GlobalOptions) async throws {
    Console.error("error: 'hpctest run' is not implemented yet")
    throw ExitCode(2)
  }
}
