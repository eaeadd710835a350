/// The words `hpctest run` accepts, for shell completion: run options, step and selector sub-commands with their
/// options, and the values of `-h/--how` and of the step-range options. Kept next to the completion; a test
/// parses every word here with the real run parser, so an entry the parser does not accept fails CI.
enum RunVocabulary {
  /// An option and whether it takes a value.
  struct Option: Sendable, Equatable {
    /// The spelling, e.g. `--workdir-root`.
    var name: String
    /// Whether a value follows it.
    var takesValue: Bool
  }

  /// The pipeline steps, in order.
  static let steps = ["discover", "provision", "prepare", "execute", "report", "finish"]

  /// The selector sub-commands (`plans --name RE`, `tests --filter EXPR`).
  static let selectors = ["plans", "tests"]

  /// Options of `run` itself.
  static let runOptions: [Option] =
    flags("-a", "--all", "-l", "--last", "--scratch", "-k", "--keep", "--rm", "-n", "--dry", "--again")
    + flags("--ignore-hardware", "--no-install", "-v", "-vv", "-vvv", "-q", "--quiet", "--feeling-safe")
    + values("-i", "--id", "-e", "--environment", "--workdir-root")
    + values("--until", "--since", "--skip", "--after", "--before")

  /// Options of each step or selector (besides `-h/--how`, listed in `hows`).
  static let sectionOptions: [String: [Option]] = [
    "plans": values("-n", "--name"),
    "tests": values("-n", "--name", "-f", "--filter") + flags("--failed-only"),
    "discover": values("-t", "--test", "-F", "--filter", "-x", "--exclude"),
    "provision": [], "prepare": flags("--no-install"),
    "execute": flags("-x", "--exit-first", "--ignore-duration"),
    "report": values("--file", "--display-guest") + flags("--absolute-paths"), "finish": [],
  ]

  /// The `-h/--how` methods hpctest supports per step.
  static let hows: [String: [String]] = [
    "discover": ["fmf", "shell"], "provision": ["local"], "prepare": ["shell", "install"], "execute": ["tmt"],
    "report": ["display", "junit", "html"], "finish": ["shell"],
  ]

  /// The options valid in `section` (`run`, a selector or a step).
  static func options(in section: String) -> [Option] {
    if section == "run" { return runOptions }
    let how = hows[section] == nil ? [] : values("-h", "--how")
    return (sectionOptions[section] ?? []) + how
  }

  private static func flags(_ names: String...) -> [Option] { names.map { Option(name: $0, takesValue: false) } }
  private static func values(_ names: String...) -> [Option] { names.map { Option(name: $0, takesValue: true) } }
}
