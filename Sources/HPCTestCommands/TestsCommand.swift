import ArgumentParser
import HPCBasics

/// `hpctest tests` (skeleton; its issue fills it in).
struct TestsCommand: GlobalCommand {
  static let configuration = CommandConfiguration(commandName: "tests", abstract: "Not implemented yet.")

  mutating func run(global: GlobalOptions) async throws {
    Console.error("error: 'hpctest tests' is not implemented yet")
    throw ExitCode(2)
  }
}
