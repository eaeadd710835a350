import ArgumentParser
import HPCBasics

/// The entry point: extracts global options, parses the rest, runs, and chooses the exit code.
public enum Entry {
  /// Runs `hpctest` with `arguments` (without the program name) and returns the process exit code.
  public static func main(_ arguments: [String]) async -> Int32 {
    let (global, rest) = GlobalOptions.extract(from: arguments)
    if let problem = global.problems.first {
      Console.error("error: \(problem)")
      return 2
    }
    if let unknown = unknownCommand(rest) {
      Console.error("error: no such command '\(unknown)'\(Suggestion.phrase(for: unknown, among: commandNames))")
      return 2
    }
    do {
      var command = try HPCTest.parseAsRoot(rest)
      if var aware = command as? any GlobalCommand {
        try await aware.run(global: global)
      } else if var async = command as? any AsyncParsableCommand {
        try await async.run()
      } else {
        try command.run()
      }
      return 0
    } catch {
      return exitCode(for: error)
    }
  }

  /// The names `hpctest` accepts as its first word.
  static var commandNames: [String] {
    HPCTest.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
  }

  /// The first word when it names no subcommand (the root takes no positional arguments).
  private static func unknownCommand(_ arguments: [String]) -> String? {
    guard let first = arguments.first, !first.hasPrefix("-"), !commandNames.contains(first) else { return nil }
    return first
  }

  private static func exitCode(for error: any Error) -> Int32 {
    if let code = error as? ExitCode { return code.rawValue }
    let message = HPCTest.fullMessage(for: error)
    let code = HPCTest.exitCode(for: error).rawValue
    if !message.isEmpty {
      if code == 0 { print(message) } else { Console.error(message) }
    }
    // tmt uses 2 for usage errors and failures; ArgumentParser's 64 would surprise tmt users.
    return code == 0 ? 0 : 2
  }
}
