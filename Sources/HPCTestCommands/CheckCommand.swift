import ArgumentParser
import HPCBasics

/// `hpctest check` (skeleton; its issue fills it in).
struct CheckCommand: GlobalCommand {
  static let configuration = CommandConfiguration(commandName: "check", abstract: "Not implemented yet.")

  mutating func run(global: GlobalOptions) async throws {
    Console.error("error: 'hpctest check' is not implemented yet")
    throw ExitCode(2)
  }
}
