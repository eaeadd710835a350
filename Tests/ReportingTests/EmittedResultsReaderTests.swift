import HPCBasics
import TMTModel
import Testing
import YAML

@testable import Reporting

/// `EmittedYAMLReader.results` (straight into results) gives what the tree path gives (`EmittedYAMLReader.parse`,
/// then `ResultsYAML.result` per item), for random results with every field kind, and for texts with keys left out,
/// repeated or given other values: the same results, or `Unsupported` where the tree path gives none.
@Suite struct EmittedResultsReaderTests {
  typealias Fast = ResultsYAMLFastTests

  /// The tree path: nil where it gives no results.
  static func viaTree(_ text: String) -> [TestResult]? {
    guard let tree = try? EmittedYAMLReader.parse(text), case .sequence(let items) = tree else { return nil }
    return try? items.map { (item) throws(ResultsYAML.Problem) in try ResultsYAML.result(item) }
  }

  /// What `readFast` gave before: the tree path, else the full reader.
  static func before(_ text: String) -> [TestResult]? {
    viaTree(text) ?? (try? ResultsYAML.read(text, file: "r.yaml"))
  }

  /// Random results, with random `fmf-id`s too, as the emitter writes them.
  static func text(seed: UInt64) -> String {
    var results = Fast.results(seed: seed)
    var random = Fast.Generator(state: seed ^ 0x5555)
    for index in results.indices where Bool.random(using: &random) {
      results[index].fmfID = [("url", Fast.optional(&random)), ("name", Fast.word(&random)), ("ref", nil)]
    }
    return ResultsYAML.render(results)
  }

  /// Emitted text: the same results as the tree path, and as rendered.
  @Test(arguments: 0..<300)
  func emittedTextReadsAsTheTreePathReadsIt(seed: UInt64) throws {
    let text = Self.text(seed: seed)
    let direct = try EmittedYAMLReader.results(text)
    #expect(direct == Self.viaTree(text))
    #expect(ResultsYAML.render(direct) == text)
  }

  /// Lines taken out, doubled or changed at random (absent keys and their defaults, repeated keys, odd values):
  /// where the direct reader gives results they are the tree path's, and `readFast` gives what it gave before.
  @Test(arguments: 0..<300)
  func editedTextReadsAsTheTreePathReadsIt(seed: UInt64) throws {
    var lines = Self.text(seed: seed).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var random = Fast.Generator(state: ~seed)
    let edits = ["", "null", "[]", "{}", "*id001", "&id009 x", "pass", "fail", "7", "- a", "'q'"]
    for _ in 0..<Int.random(in: 1...4, using: &random) {
      let at = Int.random(in: 1..<max(2, lines.count - 1), using: &random)
      switch Int.random(in: 0..<3, using: &random) {
      case 0: lines.remove(at: at)
      case 1: lines.insert(lines[at], at: at)
      default:
        guard let colon = lines[at].firstIndex(of: ":") else { continue }
        lines[at] = lines[at][..<colon] + ": " + edits.randomElement(using: &random)!
      }
    }
    let text = lines.joined(separator: "\n")
    let direct = try? EmittedYAMLReader.results(text)
    if let direct { #expect(direct == Self.viaTree(text)) }
    #expect((try? ResultsYAML.readFast(text, file: "r.yaml")) == Self.before(text))
  }

  /// The empty document and a document that is not a list of mappings.
  @Test(arguments: ["[]\n", "[]", "{}\n", "- a\n- b\n", "x: 1\n"])
  func otherDocuments(text: String) {
    #expect((try? ResultsYAML.readFast(text, file: "r.yaml")) == Self.before(text))
  }
}
