import ArgumentParser
import HPCBasics

/// `hpctest fmf` (skeleton; its issue fills it in).
struct FMFCommand: GlobalCommand {
  static let configuration = CommandConfiguration(commandName: "fmf", abstract: "Not implemented yet.")

  mutating func run(global: GlobalOptions) async throws {
    Console.error("error: 'hpctest fmf' is not implemented yet")
    throw ExitCode(2)
  }
}
