import ArgumentParser
import HPCBasics
import TMTModel

/// `hpctest plans`: list, show and export plans (L2 metadata), as `tmt plans`; imports are never fetched.
struct PlansCommand: GlobalCommand {
  static let configuration = CommandConfiguration(
    commandName: "plans", abstract: "List, show and export plans (tmt L2 metadata).",
    subcommands: [PlansLs.self, PlansShow.self, PlansExport.self], defaultSubcommand: PlansLs.self)

  mutating func run(global: GlobalOptions) async throws {
    var ls = PlansLs()
    try await ls.run(global: global)
  }
}

/// `hpctest plans ls`: plan names, one per line.
struct PlansLs: GlobalCommand {
  static let configuration = CommandConfiguration(commandName: "ls", abstract: "List plan names.")

  @OptionGroup var selection: SelectionOptions

  @Flag(help: "Do not resolve plan imports (hpctest never does; accepted for tmt compatibility).")
  var shallow = false

  mutating func run(global: GlobalOptions) async throws {
    let plans = try PlansSupport.selected(global: global, options: selection)
    SelectionSupport.printNames(count: plans.count) { plans[$0].name }
  }
}

/// `hpctest plans show`: each plan's metadata, human-readable.
struct PlansShow: GlobalCommand {
  static let configuration = CommandConfiguration(commandName: "show", abstract: "Show plan metadata.")

  @OptionGroup var selection: SelectionOptions

  @Option(name: [.short, .long], help: "Plan environment variable KEY=VALUE (repeatable).")
  var environment: [String] = []

  mutating func run(global: GlobalOptions) async throws {
    let plans = try PlansSupport.selected(global: global, options: selection, environment: environment)
    Console.write(
      fd: 1, plans.map { TMTShow.render(name: $0.name, exported: $0.exported) }.joined().terminalEscaped)
  }
}

/// `hpctest plans export`: tmt's export formats (`-h` is `--how`; help is `--help`).
struct PlansExport: GlobalCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Export plan metadata (json or yaml).", helpNames: [.long])

  @Option(name: [.customShort("h"), .long, .customLong("format")], help: "Output format: yaml (default) or json.")
  var how = "yaml"

  @Option(name: [.short, .long], help: "Plan environment variable KEY=VALUE (repeatable).")
  var environment: [String] = []

  @OptionGroup var selection: SelectionOptions

  mutating func run(global: GlobalOptions) async throws {
    let plans = try PlansSupport.selected(global: global, options: selection, environment: environment)
    try SelectionSupport.export(plans.map(\.exported), how: how)
  }
}

/// Loading and selecting plans.
enum PlansSupport {
  /// The selected plans; exit 2 when the tree or any plan fails to load.
  static func selected(global: GlobalOptions, options: SelectionOptions, environment: [String] = []) throws
    -> [TMTPlan]
  {
    var variables: [(String, String)] = []
    for spec in environment {
      guard let equals = spec.firstIndex(of: "=") else {
        Console.error("error: Invalid variable specification '\(spec)'.")
        throw ExitCode(2)
      }
      variables.append((String(spec[..<equals]), String(spec[spec.index(after: equals)...])))
    }
    let catalog = try SelectionSupport.catalog(global, environment: variables, tests: false)
    SelectionSupport.keepUntilExit(catalog)
    try SelectionSupport.requireClean(catalog, kind: "plan", options: options)
    return try SelectionSupport.select(
      catalog.plans, selection: options.selection, catalog: catalog, name: \.name, metadata: \.exported)
  }
}
