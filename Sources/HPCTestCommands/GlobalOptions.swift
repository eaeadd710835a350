public import HPCBasics

/// Options that belong to `hpctest` itself and may appear anywhere before `--`:
/// `--root/-r DIR` (before the first subcommand, as in tmt), `-c/--context K=V` (anywhere, tmt accepts it only
/// before the subcommand), `--sysroot DIR` (anywhere).
public struct GlobalOptions: Sendable {
  /// The FMF tree root to start looking from (default: the current directory).
  public var root: String = "."
  /// Context dimensions in the order given, values split on `,`; a repeated key replaces the earlier one.
  public var context: [(String, [String])] = []
  /// Where hardware facts are read from.
  public var sysroot = SystemRoot.live {
    didSet { sysrootGiven = true }
  }
  /// True when `--sysroot` was given (a reopened run otherwise keeps the one it recorded).
  public private(set) var sysrootGiven = false
  /// `--no-color` (tmt's root option): no colours even on a terminal.
  public var noColor = false
  /// Problems found while extracting the options.
  public var problems: [String] { optionProblems + (contextProblem.map { [$0] } ?? []) }
  /// The raw `-c` values in order.
  var contextSpecifications: [String] = []
  var optionProblems: [String] = []
  var contextProblem: String?

  /// Creates empty options.
  public init() {}

  /// Splits `arguments` (without the program name) into global options and the rest.
  public static func extract(from arguments: [String]) -> (GlobalOptions, [String]) {
    var options = GlobalOptions()
    var rest: [String] = []
    var index = 0
    var seenSubcommand = false
    func value(_ flag: String) -> String? {
      if let equals = arguments[index].firstIndex(of: "="), arguments[index].hasPrefix("--") {
        return String(arguments[index][arguments[index].index(after: equals)...])
      }
      guard index + 1 < arguments.count else {
        options.optionProblems.append("missing value for '\(flag)'")
        return nil
      }
      index += 1
      return arguments[index]
    }
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--" {
        rest.append(contentsOf: arguments[index...])
        break
      }
      let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
      switch name {
      case "-c", "--context":
        if let text = value(name) { options.addContext(text) }
      case "--feeling-safe":
        break  // tmt's safety flag for local provisioning: accepted; hpctest runs locally by design.
      case "--no-color": options.noColor = true
      case "--sysroot":
        if let text = value(name) { options.sysroot = SystemRoot(Path.absolute(text)) }
      case "--root" where !seenSubcommand, "-r" where !seenSubcommand:
        if let text = value(name) { options.root = text }
      default:
        if !argument.hasPrefix("-") { seenSubcommand = true }
        rest.append(argument)
      }
      index += 1
    }
    return (options, rest)
  }

  /// Adds one `-c` value; tmt's rules (``ContextSpecification``) apply to all values together.
  public mutating func addContext(_ text: String) {
    contextSpecifications.append(text)
    switch ContextSpecification.parse(contextSpecifications) {
    case .success(let dimensions): (context, contextProblem) = (dimensions, nil)
    case .failure(let error): contextProblem = error.message
    }
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    var slice = Substring(self)
    while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
    return String(slice)
  }
}
