import ArgumentParser
import HPCBasics

/// `hpctest plans` (skeleton; its issue fills it in).
struct PlansCommand: GlobalCommand {
  static let configuration = CommandConfiguration(commandName: "plans", abstract: "Not implemented yet.")

  mutating func run(global: GlobalOptions) async throws {
    Console.error("error: 'hpctest plans' is not implemented yet")
    throw ExitCode(2)
  }
}
