import ArgumentParser
import HPCBasics
import TMTModel

/// `hpctest tests`: list, show and export tests (L1 metadata), as `tmt tests`.
struct TestsCommand: GlobalCommand {
  static let configuration = CommandConfiguration(
    commandName: "tests", abstract: "List, show and export tests (tmt L1 metadata).",
    subcommands: [TestsLs.self, TestsShow.self, TestsExport.self], defaultSubcommand: TestsLs.self)

  mutating func run(global: GlobalOptions) async throws {
    var ls = TestsLs()
    try await ls.run(global: global)
  }
}

/// `hpctest tests ls`: test names, one per line.
struct TestsLs: GlobalCommand {
  static let configuration = CommandConfiguration(commandName: "ls", abstract: "List test names.")

  @OptionGroup var selection: SelectionOptions

  mutating func run(global: GlobalOptions) async throws {
    let tests = try TestsSupport.selected(global: global, options: selection)
    SelectionSupport.printNames(count: tests.count) { tests[$0].name }
  }
}

/// `hpctest tests show`: each test's metadata, human-readable.
struct TestsShow: GlobalCommand {
  static let configuration = CommandConfiguration(commandName: "show", abstract: "Show test metadata.")

  @OptionGroup var selection: SelectionOptions

  mutating func run(global: GlobalOptions) async throws {
    let tests = try TestsSupport.selected(global: global, options: selection)
    Console.write(
      fd: 1, tests.map { TMTShow.render(name: $0.name, exported: $0.exported) }.joined().terminalEscaped)
  }
}

/// `hpctest tests export`: tmt's export formats (`-h` is `--how`, as in tmt; help is `--help`).
struct TestsExport: GlobalCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Export test metadata (json or yaml).", helpNames: [.long])

  @Option(name: [.customShort("h"), .long, .customLong("format")], help: "Output format: yaml (default) or json.")
  var how = "yaml"

  @OptionGroup var selection: SelectionOptions

  mutating func run(global: GlobalOptions) async throws {
    let tests = try TestsSupport.selected(global: global, options: selection)
    try SelectionSupport.export(tests.map(\.exported), how: how)
  }
}

/// Loading and selecting tests.
enum TestsSupport {
  /// The selected tests; exit 2 when the tree or any test fails to load (as tmt aborts).
  static func selected(global: GlobalOptions, options: SelectionOptions) throws -> [TMTTest] {
    let catalog = try SelectionSupport.catalog(global, plans: false)
    SelectionSupport.keepUntilExit(catalog)
    try SelectionSupport.requireClean(catalog, kind: "test", options: options)
    return try SelectionSupport.select(
      catalog.tests, selection: options.selection, catalog: catalog, name: \.name, metadata: \.exported)
  }
}
