import ArgumentParser
import FMF
import HPCBasics
import TMTModel
import YAML

/// tmt's selection options shared by `tests` and `plans` subcommands.
struct SelectionOptions: ParsableArguments {
  @Argument(help: "Regular expressions searched in names, or tree paths ('.', plans/gpu, plans/gpu.fmf).")
  var names: [String] = []

  @Option(help: "fmf filter, e.g. 'tag: gpu' or 'tier: 1 & tag: -slow' (repeatable, all must match).")
  var filter: [String] = []

  @Option(help: "Exclude names matching this regular expression.")
  var exclude: [String] = []

  @Flag(help: "Only enabled tests or plans.")
  var enabled = false

  @Flag(help: "Only disabled tests or plans.")
  var disabled = false

  /// The selection these options describe.
  var selection: TMTSelection {
    TMTSelection(
      names: names, filters: filter + (disabled ? ["enabled: false"] : []), excludes: exclude, enabledOnly: enabled)
  }
}

/// Loading, selecting and printing shared by the `tests`, `plans` and `lint` commands.
enum SelectionSupport {
  /// The catalog of the tree at `--root`, or exit 2 with the error on stderr.
  static func catalog(
    _ global: GlobalOptions, environment: [(String, String)] = [], tests: Bool = true, plans: Bool = true
  ) throws -> TMTCatalog {
    do throws(Diagnostic) {
      return try TMTCatalog.load(
        root: Path.absolute(global.root), context: global.context, environment: environment, tests: tests,
        plans: plans)
    } catch {
      Console.error(error.description)
      if let hint = InstalledSuite.hint(for: error) { Console.error(hint) }
      throw ExitCode(2)
    }
  }

  /// Keeps `value` alive until the process exits: a listing command does not pay for tearing down a tree of
  /// 10,000 nodes it is about to discard anyway.
  static func keepUntilExit<T>(_ value: T) {
    _ = Unmanaged.passRetained(Retained(value))
  }

  private final class Retained<T> {
    let value: T
    init(_ value: T) { self.value = value }
  }

  /// Fails like tmt (whole command, exit 2) when a node of `kind` selected by name failed to normalise (tmt
  /// prunes by name before building objects, and filters after).
  static func requireClean(_ catalog: TMTCatalog, kind: String, options: SelectionOptions) throws {
    let failures = try select(
      catalog.failures.filter { $0.kind == kind }, selection: TMTSelection(names: options.names), catalog: catalog,
      name: \.name, metadata: { _ in YAMLNode(.mapping([])) })
    guard !failures.isEmpty else { return }
    for failure in failures { Console.error(failure.diagnostic.description) }
    throw ExitCode(2)
  }

  /// The selected items, or exit 2 on a bad pattern.
  static func select<T>(
    _ items: [T], selection: TMTSelection, catalog: TMTCatalog, name: (T) -> String, metadata: (T) -> YAMLNode
  ) throws -> [T] {
    do throws(Diagnostic) {
      return try selection.select(
        items, tree: catalog.tree, cwd: FileSystem.currentDirectory(), name: name, metadata: metadata)
    } catch {
      Console.error(error.description)
      throw ExitCode(2)
    }
  }

  /// Prints `count` names (`name(index)`), one per line, escaped for the terminal, in one write: a tree of
  /// 10,000 tests is one system call, not 10,000 (the items are read in place, never copied).
  static func printNames(count: Int, _ name: (Int) -> String) {
    var text = ""
    for index in 0..<count {
      text += name(index).terminalEscaped
      text += "\n"
    }
    Console.write(fd: 1, text)
  }

  /// Prints `items` in the `--how` format (json: one line, like tmt; yaml: tmt's yaml export).
  static func export(_ items: [YAMLNode], how: String) throws {
    switch how {
    case "json":
      do throws(Diagnostic) {
        Console.out(try TMTJSON.render(.list(items)))
      } catch {
        Console.error(error.description)
        throw ExitCode(2)
      }
    case "yaml":
      Console.write(fd: 1, TMTYAMLExport.render(items) + "\n")
    default:
      Console.error("error: Export format '\(how)' is not supported (use json or yaml).")
      throw ExitCode(2)
    }
  }
}
