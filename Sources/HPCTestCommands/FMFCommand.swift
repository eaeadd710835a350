import ArgumentParser
import FMF
import HPCBasics
import YAML

/// `hpctest fmf ls|show`: the raw FMF view of a tree (fmf 1.7 semantics, adjusted like tmt).
struct FMFCommand: GlobalCommand {
  static let configuration = CommandConfiguration(
    commandName: "fmf", abstract: "Show the FMF metadata tree (inherited and adjusted data).",
    subcommands: [List.self, Show.self])

  mutating func run(global: GlobalOptions) async throws {
    throw CleanExit.helpRequest(self)
  }

  /// Loads the tree at `path` (or the global root) under the global context, as tmt does: adjust always runs,
  /// case-insensitively, with an empty context when no `-c` is given. Errors go to stderr with exit code 2.
  static func load(_ path: String?, _ global: GlobalOptions) throws -> FMFTree {
    do {
      return try FMFLoader.load(path: path ?? global.root, context: global.context, caseSensitive: false)
    } catch {
      Console.error(error.description)
      throw ExitCode(2)
    }
  }

  /// `hpctest fmf ls [PATH]`: selected (leaf) node names, one per line, in climb order.
  struct List: GlobalCommand {
    static let configuration = CommandConfiguration(commandName: "ls", abstract: "List leaf node names.")

    @Flag(help: "List every node, not only leaves.") var whole = false
    @Argument(help: "A directory in the tree (default: the --root directory).") var path: String?

    mutating func run(global: GlobalOptions) async throws {
      let tree = try FMFCommand.load(path, global)
      let names = tree.nodes.filter { whole || $0.isLeaf }.map(\.name)
      if !names.isEmpty { Console.write(fd: 1, names.joined(separator: "\n") + "\n") }
    }
  }

  /// `hpctest fmf show [--json] [PATH]`: leaves with their data, or the conformance `fmf` section as JSON.
  struct Show: GlobalCommand {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "Show nodes with their data (--json: every node, hpctest-conformance/1 'fmf').")

    @Flag(help: "Print the 'fmf' section of the hpctest-conformance/1 document.") var json = false
    @Flag(help: "Show every node, not only leaves (the JSON output always has every node).") var whole = false
    @Argument(help: "A directory in the tree (default: the --root directory).") var path: String?

    mutating func run(global: GlobalOptions) async throws {
      let tree = try FMFCommand.load(path, global)
      if json {
        Console.write(fd: 1, JSONWriter().string(FMFCommand.conformanceSection(tree)) + "\n")
        return
      }
      var text = ""
      for node in tree.nodes where whole || node.isLeaf {
        text += FMFCommand.yamlEntry(node)
      }
      Console.write(fd: 1, text)
    }
  }

  /// `{"error": null, "nodes": {...}, "version": N}`: every node's leaf, sources (relative to the root),
  /// adjust decisions (when rules ran) and data.
  static func conformanceSection(_ tree: FMFTree) -> YAMLValue {
    let nodes = tree.nodes.map { node -> YAMLPair in
      var entry: [YAMLPair] = [
        pair("leaf", .bool(node.isLeaf)),
        pair("sources", .sequence(node.sources.map { YAMLNode(.string(relativePath($0, to: tree.root))) })),
        pair("data", replacingRoot(node.data.value, tree.root)),
      ]
      if let decisions = node.adjustDecisions {
        entry.append(pair("adjust", .sequence(decisions.map { YAMLNode($0.map(YAMLValue.bool) ?? .null) })))
      }
      return pair(node.name, .mapping(entry))
    }
    return .mapping([pair("error", .null), pair("nodes", .mapping(nodes)), pair("version", .int(tree.version))])
  }

  /// The dump's `canon(doc, root)`: the absolute root path in every string becomes relative
  /// (`<root>/x` → `x`, `<root>` → `.`); mapping keys are left alone.
  static func replacingRoot(_ value: YAMLValue, _ root: String) -> YAMLValue {
    switch value {
    case .string(let text) where text.contains(root):
      return .string(text.replacing(root + "/", with: "").replacing(root, with: "."))
    case .sequence(let items):
      return .sequence(items.map { YAMLNode(replacingRoot($0.value, root), at: $0.location) })
    case .set(let items):
      return .set(items.map { YAMLNode(replacingRoot($0.value, root), at: $0.location) })
    case .mapping(let pairs):
      return .mapping(pairs.map { YAMLPair(key: $0.key, value: YAMLNode(replacingRoot($0.value.value, root))) })
    default:
      return value
    }
  }

  /// `name:` followed by the data keys as YAML (values in JSON flow style, which YAML reads back).
  static func yamlEntry(_ node: FMFNode) -> String {
    let flow = JSONWriter(indent: nil, sortKeys: false, conformanceTags: true)
    var text = yamlKey(node.name, flow) + ":"
    guard case .mapping(let pairs) = node.data.value, !pairs.isEmpty else { return text + " {}\n" }
    text += "\n"
    for entry in pairs {
      let key = entry.key.value.stringValue.map { yamlKey($0, flow) } ?? flow.string(entry.key.value)
      text += "  " + key + ": " + flow.string(entry.value.value) + "\n"
    }
    return text
  }

  /// A plain YAML key when that reads back as the same string, else a quoted one.
  private static func yamlKey(_ key: String, _ flow: JSONWriter) -> String {
    let plain = key.unicodeScalars.allSatisfy {
      $0.isASCII && ($0.properties.isAlphabetic || "0123456789_/.-".unicodeScalars.contains($0))
    }
    let ambiguous = ["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"].contains(key.lowercased())
    guard plain, let first = key.unicodeScalars.first, first != "-", first != ".", !ambiguous,
      !(first.properties.numericType != nil)
    else { return flow.string(.string(key)) }
    return key
  }

  private static func pair(_ key: String, _ value: YAMLValue) -> YAMLPair {
    YAMLPair(key: YAMLNode(.string(key)), value: YAMLNode(value))
  }

  /// Python's `os.path.relpath(path, root)`.
  static func relativePath(_ path: String, to root: String) -> String {
    let target = path.split(separator: "/")
    let base = root.split(separator: "/")
    var common = 0
    while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
    let parts = Array(repeating: "..", count: base.count - common) + target[common...].map(String.init)
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }
}
