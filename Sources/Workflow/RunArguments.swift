public import HPCBasics

/// Parses `hpctest run`'s argument list the way tmt's `run` reads it: run options, then step sub-commands
/// (`discover`, `provision`, ...) and selectors (`plans`, `tests`), each with its own options, in any order.
/// Unknown or unsupported options are errors naming the option, never ignored.
package struct RunArguments {
  private var arguments: [String]
  private var index = 0
  var options = RunOptions()
  var namedSteps: [RunStep] = []
  var all = false
  var ranges: [(String, RunStep)] = []
  var section = "run"

  /// Parses `arguments` (what follows `run`).
  package static func parse(_ arguments: [String]) throws(Diagnostic) -> RunOptions {
    var parser = RunArguments(arguments: arguments)
    return try parser.parseAll()
  }

  private init(arguments: [String]) {
    self.arguments = RunArguments.expand(arguments)
  }

  /// Splits `-vvv` into `-v -v -v`, `-xv` stays as given unless every letter is `v`, and `--opt=value` into two.
  private static func expand(_ arguments: [String]) -> [String] {
    arguments.flatMap { argument -> [String] in
      if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
        return [String(argument[..<equals]), String(argument[argument.index(after: equals)...])]
      }
      if argument.count > 2, argument.hasPrefix("-"), !argument.hasPrefix("--"),
        argument.dropFirst().allSatisfy({ $0 == "v" || $0 == "q" })
      {
        return argument.dropFirst().map { "-\($0)" }
      }
      return [argument]
    }
  }

  private mutating func parseAll() throws(Diagnostic) -> RunOptions {
    while index < arguments.count {
      let argument = try Self.command(arguments[index])
      index += 1
      if let step = RunStep(rawValue: argument) {
        namedSteps.append(step)
        section = argument
        continue
      }
      if argument == "plans" || argument == "tests" || argument == "cleanup" {
        section = argument
        continue
      }
      if try common(argument) { continue }
      switch section {
      case "run": try runOption(argument)
      case "plans": try plansOption(argument)
      case "tests": try testsOption(argument)
      default: try stepOption(argument)
      }
    }
    try resolveSteps()
    return options
  }

  /// Options accepted everywhere: verbosity, quiet, `--feeling-safe`, `-h`/`--how` checks happen per step.
  private mutating func common(_ argument: String) throws(Diagnostic) -> Bool {
    switch argument {
    case "-v", "--verbose": options.verbosity += 1
    case "-q", "--quiet": options.quiet = true
    case "-d", "--debug", "--feeling-safe": break
    case "--no-color": options.noColor = true
    default: return false
    }
    return true
  }

  mutating func value(_ option: String) throws(Diagnostic) -> String {
    guard index < arguments.count else { throw .error("option '\(option)' needs a value") }
    index += 1
    return arguments[index - 1]
  }

  private mutating func runOption(_ argument: String) throws(Diagnostic) {
    switch argument {
    case "-a", "--all": all = true
    case "-i", "--id": options.id = try value(argument)
    case "-l", "--last": options.last = true
    case "--scratch": options.scratch = true
    case "-k", "--keep": options.keep = true
    case "-r", "--rm", "--remove": options.remove = true
    case "-n", "--dry": options.dry = true
    case "-e", "--environment": try addEnvironment(try value(argument))
    case "--workdir-root": options.workdirRoot = try value(argument)
    case "--site": options.site = Path.absolute(try value(argument))
    case "--until", "--since", "--skip", "--after", "--before":
      let text = try value(argument)
      guard let step = RunStep(rawValue: text) else {
        throw .error(
          "'\(argument)' expects a step (discover, provision, prepare, execute, report, finish), got '\(text)'")
      }
      ranges.append((argument, step))
    case "--again": options.again = true
    case "--ignore-hardware": options.ignoreHardware = true
    case "--no-install": options.noInstall = true
    default:
      guard !argument.hasPrefix("-") else { throw Self.unknown(argument, in: "run") }
      options.planNames.append(argument)
    }
  }

  private mutating func addEnvironment(_ text: String) throws(Diagnostic) {
    guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
      if text.hasPrefix("@") { throw .error("'-e @FILE' is not supported yet; use -e NAME=VALUE") }
      throw .error("invalid environment variable specification '\(text)', expected NAME=VALUE")
    }
    let key = String(text[..<equals])
    options.environment.removeAll { $0.0 == key }
    options.environment.append((key, String(text[text.index(after: equals)...])))
  }

  static func unknown(_ option: String, in section: String) -> Diagnostic {
    .error("no such option '\(option)' for 'run\(section == "run" ? "" : " " + section)' (or it is not supported yet)")
  }
}
