import HPCBasics

extension RunArguments {
  /// `run`'s sub-commands in tmt's order (`login` and `reboot` are tmt's too, not supported here).
  static let commands = [
    "discover", "provision", "prepare", "execute", "report", "finish", "cleanup", "login", "reboot", "plans", "tests",
  ]

  /// tmt's command shortening: a word that starts exactly one sub-command is that command (`test` is `tests`,
  /// `disc` is `discover`); one that starts several is tmt's `Did you mean ...?` error; others are themselves.
  static func command(_ word: String) throws(Diagnostic) -> String {
    guard !word.isEmpty, !word.hasPrefix("-"), !commands.contains(word) else { return word }
    let matches = commands.filter { $0.hasPrefix(word) }
    if matches.count > 1 {
      let sorted = matches.sorted()
      throw .error("Did you mean \(sorted.dropLast().joined(separator: ", ")) or \(sorted.last!)?")
    }
    guard let match = matches.first else { return word }
    if match == "login" || match == "reboot" { throw .error("'run \(match)' is not supported") }
    return match
  }

  mutating func plansOption(_ argument: String) throws(Diagnostic) {
    switch argument {
    case "-n", "--name": options.planNames.append(try value(argument))
    default: throw Self.unknown(argument, in: "plans")
    }
  }

  mutating func testsOption(_ argument: String) throws(Diagnostic) {
    switch argument {
    case "-n", "--name": options.testNames.append(try value(argument))
    case "-f", "--filter": options.testFilters.append(try value(argument))
    case "--failed-only": options.failedOnly = true
    default: throw Self.unknown(argument, in: "tests")
    }
  }

  mutating func stepOption(_ argument: String) throws(Diagnostic) {
    if argument == "--again" {
      options.again = true
      return
    }
    if argument == "-h" || argument == "--how" {
      try how(try value(argument))
      return
    }
    switch (section, argument) {
    case ("discover", "-t"), ("discover", "--test"): options.discoverTests.append(try value(argument))
    case ("discover", "-F"), ("discover", "--filter"): options.discoverFilters.append(try value(argument))
    case ("discover", "-x"), ("discover", "--exclude"): options.discoverExcludes.append(try value(argument))
    case ("provision", _) where argument.hasPrefix("--") && options.provisionHow == "slurm":
      let text = try value(argument)
      guard options.slurm.set(option: argument, text) else { throw Self.unknown(argument, in: section) }
    case ("provision", _): try provisionOption(argument)
    case ("prepare", "--no-install"): options.noInstall = true
    case ("execute", "-x"), ("execute", "--exit-first"): options.exitFirst = true
    case ("execute", "--ignore-duration"): options.ignoreDuration = true
    case ("report", "--file") where options.reportHows.last == "html": options.html.file = try value(argument)
    case ("report", "--file"): options.junitFile = try value(argument)
    case ("report", "--flavor"):
      let flavor = try value(argument)
      guard ["default", "subresults"].contains(flavor) else {
        throw .error("'report --flavor' must be default or subresults, got '\(flavor)'")
      }
      options.junitFlavor = flavor
    case ("report", "--absolute-paths"): options.html.absolutePaths = true
    case ("report", "--display-guest"): try options.html.setDisplayGuest(try value(argument))
    default: throw Self.unknown(argument, in: section)
    }
  }

  /// tmt's `provision -h connect` options; `-p/--password` is refused (key authentication only).
  private mutating func provisionOption(_ argument: String) throws(Diagnostic) {
    switch argument {
    case "-g", "--guest": options.connect.guest = try value(argument)
    case "-u", "--user": options.connect.user = try value(argument)
    case "-P", "--port":
      let text = try value(argument)
      guard let port = Int(text), (1...65535).contains(port) else {
        throw .error("'provision \(argument)' must be a port number (1-65535), got '\(text)'")
      }
      options.connect.port = port
    case "-k", "--key": options.connect.keys.append(try value(argument))
    case "--ssh-option": options.connect.sshOptions.append(try value(argument))
    case "--become": options.connect.become = true
    case "-p", "--password":
      throw .error("'provision \(argument)': password authentication is not supported, use a key ('-k FILE')")
    default: throw Self.unknown(argument, in: section)
    }
  }

  private mutating func how(_ method: String) throws(Diagnostic) {
    let supported: [String: [String]] = [
      "discover": ["fmf", "shell"], "provision": ["local", "connect", "slurm"], "prepare": ["shell", "install"],
      "execute": ["tmt"],
      "report": ["display", "junit", "html"], "finish": ["shell"],
    ]
    guard let allowed = supported[section], allowed.contains(method) else {
      let list = supported[section]?.joined(separator: ", ") ?? "none"
      throw .error("'\(section) --how \(method)' is not supported yet (supported: \(list))")
    }
    switch section {
    case "provision": options.provisionHow = method
    case "report": options.reportHows.append(method)
    default: break
    }
  }

  /// tmt: naming steps without `-a` runs only those; `--until/--since/--skip/--after/--before` trim the range.
  mutating func resolveSteps() throws(Diagnostic) {
    var steps: Set<RunStep> = all || namedSteps.isEmpty ? Set(RunStep.allCases) : Set(namedSteps)
    for (option, step) in ranges {
      switch option {
      case "--until": steps = steps.filter { $0 <= step }
      case "--since": steps = steps.filter { $0 >= step }
      case "--after": steps = steps.filter { $0 > step }
      case "--before": steps = steps.filter { $0 < step }
      default: steps.remove(step)
      }
    }
    options.enabledSteps = steps.count == RunStep.allCases.count ? nil : steps
    if options.junitFile != nil && !options.reportHows.contains("junit") {
      guard options.reportHows.contains("html") else {
        throw .error("'report --file' needs '--how junit' or '--how html'")
      }
      (options.html.file, options.junitFile) = (options.junitFile, nil)
    }
    if options.junitFlavor != nil && !options.reportHows.contains("junit") {
      throw .error("'report --flavor' needs '--how junit'")
    }
    try options.html.check(hows: options.reportHows)
  }
}
