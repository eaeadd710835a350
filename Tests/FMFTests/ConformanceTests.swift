import FMF
import Glibc
import HPCBasics
import Testing

/// Differential test against the reference dumps in Tests/Conformance (fmf 1.7.0 under tmt's adjust):
/// every (tree, context) of MANIFEST.hw.tsv and MANIFEST.sdist.tsv, compared at data level.
@Suite struct ConformanceTests {
  static let conformance = Path.dirname(Path.dirname(Path.dirname(#filePath))) + "/Tests/Conformance"

  /// Trees damaged when the corpus was copied (git keeps neither symlinks made into text files nor empty
  /// directories): symlinks to restore (path, target) and empty directories to recreate.
  static let damaged: [String: (links: [(String, String)], directories: [String])] = [
    "hw-fmf-symlinks": (
      [("link1", "target"), ("link2", "target"), ("filelink.fmf", "real.fmf"), ("target/loop", "..")], []
    ),
    "hw-version-err-missing": ([], [".fmf"]),
  ]

  /// Dumps that differ on purpose (see KNOWN-DIFFERENCES.md).
  static let knownDifferences: Set<String> = []

  struct Case: CustomStringConvertible {
    var tree: String
    var contextID: String
    var context: FMFContext
    var description: String { "\(tree.replacing("/", with: "__"))@\(contextID)" }
  }

  static func cases() -> [Case] {
    var cases: [Case] = []
    for manifest in ["MANIFEST.hw.tsv", "MANIFEST.sdist.tsv"] {
      let text = FileSystem.readText(conformance + "/corpus/" + manifest) ?? ""
      for line in text.split(separator: "\n") where !line.hasPrefix("#") {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 3 else { continue }
        let context: FMFContext = fields[2].split(separator: " ").map { spec in
          let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
          return (parts[0], parts[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init))
        }
        cases.append(Case(tree: fields[0], contextID: fields[1], context: context))
      }
    }
    return cases
  }

  /// Compares one case; returns the differences (empty when it matches) and the matching node count.
  static func compare(_ test: Case, treePath: String) -> (problems: [String], nodes: Int, matched: Int) {
    let bytes = FileSystem.readBytes(conformance + "/expected/\(test).json") ?? []
    guard let expected = try? JSON.parse(bytes), let fmf = expected["fmf"] else { return (["no expected dump"], 0, 0) }
    let expectError = fmf["error"] != .null
    let tree: FMFTree
    do {
      tree = try FMFLoader.load(path: treePath, context: test.context, workingDirectory: treePath)
    } catch {
      return (expectError ? [] : ["unexpected error: \(error)"], 0, 0)
    }
    if expectError { return (["expected an error, loaded \(tree.nodes.count) nodes"], 0, 0) }
    var problems: [String] = []
    if fmf["version"] != .int(tree.version) { problems.append("version \(tree.version)") }
    guard case .object(let nodes) = fmf["nodes"] else { return (["no nodes"], 0, 0) }
    var matched = 0
    let mine = Dictionary(
      tree.nodes.map { ($0.name, Canonical.node($0, root: tree.root)) }, uniquingKeysWith: { a, _ in a })
    for (name, node) in nodes {
      if mine[name] == node {
        matched += 1
      } else {
        problems.append("\(name): expected \(node)\n   got \(mine[name].map(\.description) ?? "nothing")")
      }
    }
    for name in mine.keys where nodes[name] == nil { problems.append("\(name): extra node") }
    return (problems, nodes.count, matched)
  }

  @Test func corpusMatchesReference() throws {
    var dumpsMatched = 0
    var nodesMatched = 0
    var nodesTotal = 0
    var unexpected: [String] = []
    let cases = Self.cases()
    let scratch = TemporaryDirectory()
    defer { scratch.remove() }
    for test in cases {
      var path = Self.conformance + "/corpus/" + test.tree
      if let repair = Self.damaged[test.tree] {
        path = scratch.path + "/" + test.tree
        if !FileSystem.exists(path) {
          TemporaryDirectory.copyTree(Self.conformance + "/corpus/" + test.tree, to: path)
          for (link, target) in repair.links {
            unlink(path + "/" + link)
            symlink(target, path + "/" + link)
          }
          for directory in repair.directories { FileSystem.makeDirectories(path + "/" + directory) }
        }
      }
      let (problems, nodes, matched) = Self.compare(test, treePath: path)
      nodesTotal += nodes
      nodesMatched += matched
      if problems.isEmpty {
        dumpsMatched += 1
      } else if !Self.knownDifferences.contains(test.description) {
        unexpected.append("\(test): " + problems.prefix(3).joined(separator: "\n  "))
      }
    }
    print("FMF conformance: \(dumpsMatched)/\(cases.count) dumps match, \(nodesMatched)/\(nodesTotal) nodes")
    for problem in unexpected { print("MISMATCH " + problem) }
    #expect(cases.count > 100)
    #expect(unexpected.isEmpty)
  }
}
