import ArgumentParser
import HPCBasics

/// `hpctest probe` (skeleton; its issue fills it in).
struct ProbeCommand: GlobalCommand {
  static let configuration = CommandConfiguration(commandName: "probe", abstract: "Not implemented yet.")

  mutating func run(global: GlobalOptions) async throws {
    Console.error("error: 'hpctest probe' is not implemented yet")
    throw ExitCode(2)
  }
}
