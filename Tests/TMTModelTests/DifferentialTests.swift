import FMF
import HPCBasics
import TMTModel
import Testing
import YAML

/// Differential test against the reference dumps: hpctest's tests/plans export, per-node errors and hardware
/// entries for every manifest row, compared with `tmt.*` of the expected document.
@Suite("differential: tmt 1.78 dumps")
struct DifferentialTests {
  /// Mismatches allowed by KNOWN-DIFFERENCES.md (`row section` ids).
  static let known: Set<String> = {
    let text = FileSystem.readText(Path.dirname(#filePath) + "/KNOWN-DIFFERENCES.md") ?? ""
    return Set(
      text.split(separator: "\n").compactMap { line -> String? in
        guard line.hasPrefix("- `"), let end = line.dropFirst(3).firstIndex(of: "`") else { return nil }
        return String(line[line.index(line.startIndex, offsetBy: 3)..<end])
      })
  }()

  /// TMT normalisation fed with the reference's own fmf view (the dump's `fmf.nodes`), so the model is checked
  /// independently of the FMF loader.
  @Test func modelOnReferenceFMFNodes() throws {
    var compared = 0
    var matched = 0
    var unexpected: [String] = []
    for row in ConformanceCorpus.rows() {
      let expected = try ConformanceCorpus.expected(row)
      guard let tree = ReferenceTree.tree(row: row, expected: expected), let tmt = expected["tmt"],
        tmt["error"]?.value == .null
      else { continue }
      compared += 1
      let catalog = TMTCatalog.build(tree: tree, context: row.context)
      let comparison = ConformanceComparison(catalog: catalog, expected: tmt)
      if comparison.mismatches.isEmpty { matched += 1 }
      for mismatch in comparison.mismatches where !Self.known.contains("\(row) \(mismatch.section)") {
        unexpected.append("\(row) \(mismatch.section): \(mismatch.detail)")
      }
    }
    print("differential (reference fmf nodes → hpctest TMT model): \(matched)/\(compared) dumps match")
    for line in unexpected { print("  MISMATCH \(line)") }
    #expect(compared > 70)
    #expect(unexpected.isEmpty, "\(unexpected.count) unexpected mismatches")
  }

  /// The whole pipeline: hpctest's FMF loader, then the TMT model.
  @Test func fullPipeline() throws {
    var compared = 0
    var matched = 0
    var unexpected: [String] = []
    for row in ConformanceCorpus.rows() {
      let expected = try ConformanceCorpus.expected(row)
      guard let tmt = expected["tmt"] else { continue }
      compared += 1
      let referenceFailed = tmt["error"]?.value != .null
      var ids: [String] = []
      do throws(Diagnostic) {
        let catalog = try TMTCatalog.load(root: row.treePath, context: row.context)
        if referenceFailed {
          ids = ["tree-error: hpctest loaded the tree, tmt failed"]
        } else {
          ids = ConformanceComparison(catalog: catalog, expected: tmt).mismatches.map { "\($0.section): \($0.detail)" }
        }
      } catch {
        if !referenceFailed { ids = ["tree-error: \(error)"] }
      }
      if ids.isEmpty { matched += 1 }
      for id in ids where !Self.known.contains("\(row) \(id.prefix { $0 != ":" })") {
        unexpected.append("\(row) \(id)")
      }
    }
    print("differential (hpctest FMF loader + TMT model): \(matched)/\(compared) dumps match")
    for line in unexpected.prefix(60) { print("  MISMATCH \(line)") }
    #expect(compared > 100)
    #expect(unexpected.isEmpty, "\(unexpected.count) unexpected mismatches")
  }
}

/// Builds an `FMFTree` from the dump's `fmf.nodes` (the reference loader's output).
enum ReferenceTree {
  static func tree(row: ConformanceCorpus.Row, expected: YAMLNode) -> FMFTree? {
    guard let fmf = expected["fmf"], fmf["error"]?.value == .null,
      case .mapping(let entries)? = fmf["nodes"]?.value
    else { return nil }
    let root = ConformanceCorpus.root(of: row.treePath)
    var nodes: [FMFNode] = []
    for entry in entries {
      guard case .string(let name) = entry.key.value else { continue }
      let data = Canon.untag(entry.value["data"] ?? YAMLNode(.mapping([])))
      let sources = (entry.value["sources"]?.sequenceValue ?? []).compactMap(\.stringValue).map { root + "/" + $0 }
      let leaf = entry.value["leaf"]?.value == .bool(true)
      nodes.append(FMFNode(name: name, isLeaf: leaf, sources: sources, data: data))
    }
    nodes.sort { climbPrecedes($0.name, $1.name) }
    for index in nodes.indices { nodes[index].ownKeys = ownKeys(nodes[index], in: nodes) }
    return FMFTree(root: root, version: 1, nodes: nodes)
  }

  /// fmf's climb order: parents before children, siblings by name.
  static func climbPrecedes(_ a: String, _ b: String) -> Bool {
    let left = a.split(separator: "/").map { Array($0.unicodeScalars.map(\.value)) }
    let right = b.split(separator: "/").map { Array($0.unicodeScalars.map(\.value)) }
    return left.lexicographicallyPrecedes(right) { $0.lexicographicallyPrecedes($1) }
  }

  /// Keys not inherited unchanged from the parent node.
  static func ownKeys(_ node: FMFNode, in nodes: [FMFNode]) -> Set<String> {
    let parentName =
      node.name == "/"
      ? nil
      : (node.name.split(separator: "/").dropLast().isEmpty
        ? "/" : "/" + node.name.split(separator: "/").dropLast().joined(separator: "/"))
    let parent = parentName.flatMap { name in nodes.first { $0.name == name } }
    var keys: Set<String> = []
    for pair in node.data.entriesForTests ?? [] {
      guard let key = pair.key.stringForTests else { continue }
      if parent?[key] != pair.value { keys.insert(key) }
    }
    return keys
  }
}
