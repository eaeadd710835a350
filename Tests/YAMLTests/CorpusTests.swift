import HPCBasics
import Testing

@testable import YAML

/// The hw-yaml-* trees: our parse, written as the conformance dump writes data, equals the reference dump.
@Suite("Conformance corpus (hw-yaml-*)")
struct CorpusTests {
  static let dataTrees = [
    "hw-yaml-scalars", "hw-yaml-tags", "hw-yaml-anchors", "hw-yaml-unicode", "hw-yaml-nested-keys",
    "hw-yaml-directive-11", "hw-yaml-empty-files",
  ]
  /// Error trees whose failure is a YAML error (ours); the rest fail at the FMF level and must parse.
  static let yamlErrorTrees = [
    "hw-yaml-err-custom-tag", "hw-yaml-err-dupkey", "hw-yaml-err-dupkey-int-bool", "hw-yaml-err-dupkey-nested",
    "hw-yaml-err-flow-colon", "hw-yaml-err-latin1", "hw-yaml-err-multidoc", "hw-yaml-err-python-tag",
    "hw-yaml-err-syntax", "hw-yaml-err-tab-indent", "hw-yaml-err-unclosed", "hw-yaml-err-yaml11-value-eq",
  ]
  static let fmfErrorTrees = [
    "hw-yaml-err-child-int", "hw-yaml-err-child-list", "hw-yaml-err-directive-not-dict",
    "hw-yaml-err-directive-select-int", "hw-yaml-err-directive-unknown", "hw-yaml-err-toplevel-bool-key",
    "hw-yaml-err-toplevel-int-child", "hw-yaml-err-toplevel-int-key", "hw-yaml-err-toplevel-list",
    "hw-yaml-err-toplevel-null-key", "hw-yaml-err-toplevel-scalar-main",
  ]

  /// The data fmf builds for each file of a single-level tree: main.fmf's own keys (children `/x` removed)
  /// overlaid with the file's keys; `/x` children of main.fmf become nodes too.
  static func ourNodes(_ tree: String) throws -> [String: [YAMLPair]] {
    let directory = Corpus.tree(tree)
    var files: [String: [YAMLPair]] = [:]
    for name in Corpus.fmfFiles(in: directory) {
      let bytes = FileSystem.readBytes(directory + "/" + name) ?? []
      files[name] = try YAMLParser.parse(bytes, file: name)?.mappingValue ?? []
    }
    let main = files["main.fmf"] ?? []
    let rootData = main.filter { !($0.key.stringValue ?? "").hasPrefix("/") }
    var nodes = ["/": rootData]
    for child in main where (child.key.stringValue ?? "").hasPrefix("/") {
      nodes[child.key.stringValue!] = overlay(rootData, child.value.mappingValue ?? [])
    }
    for (name, pairs) in files where name != "main.fmf" {
      nodes["/" + name.dropLast(4)] = overlay(rootData, pairs)
    }
    return nodes
  }

  static func overlay(_ base: [YAMLPair], _ extra: [YAMLPair]) -> [YAMLPair] {
    base.filter { pair in !extra.contains { $0.key.value == pair.key.value } } + extra
  }

  @Test("data equals the reference dump", arguments: dataTrees)
  func data(_ tree: String) throws {
    let expected = try #require(try Corpus.expected(tree))
    let expectedNodes = try #require(expected["fmf"]?["nodes"])
    let ours = try Self.ourNodes(tree)
    let writer = JSONWriter(indent: 2, sortKeys: true, conformanceTags: true)
    #expect(Set(ours.keys) == Set(expectedNodes.keys))
    for (name, pairs) in ours {
      let theirs = try #require(expectedNodes[name]?["data"])
      #expect(writer.string(.mapping(pairs)) == writer.string(theirs), "\(tree) \(name)")
    }
  }

  @Test("YAML-level errors throw at the reference's line and column", arguments: yamlErrorTrees)
  func yamlError(_ tree: String) throws {
    let bytes = FileSystem.readBytes(Corpus.tree(tree) + "/main.fmf") ?? []
    let expected = try #require(try Corpus.expected(tree))
    let message = try #require(expected["fmf"]?["error"]?["message"]?.stringValue)
    do {
      _ = try YAMLParser.parse(bytes, file: "main.fmf")
      Issue.record("\(tree): no error")
    } catch {
      let location = try #require(error.location)
      #expect(location.file == "main.fmf")
      if let (line, column) = Self.lastMark(message) {
        #expect(location.line == line && location.column == column, "\(tree): \(error) vs \(message)")
      } else {
        #expect(location.line > 0)
      }
    }
  }

  @Test("FMF-level error trees parse as YAML", arguments: fmfErrorTrees)
  func fmfError(_ tree: String) throws {
    for name in Corpus.fmfFiles(in: Corpus.tree(tree)) {
      let bytes = FileSystem.readBytes(Corpus.tree(tree) + "/" + name) ?? []
      _ = try YAMLParser.parse(bytes, file: name)
    }
  }

  /// The last `line L, column C` in a ruamel message (its problem mark).
  static func lastMark(_ message: String) -> (Int, Int)? {
    guard let range = message.ranges(of: "line ").last else { return nil }
    let tail = message[range.upperBound...]
    let numbers = tail.split(whereSeparator: { !$0.isNumber }).prefix(2).compactMap { Int($0) }
    return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
  }
}
