import HPCBasics
import Testing

@testable import YAML

/// Deeply nested input is a located error at the first collection past the limit, for flow and block
/// collections, sequences and mappings alike; input at the limit still loads.
@Suite struct NestingDepthTests {
  static let limit = YAMLComposer.maximumDepth

  static func flow(_ depth: Int, open: String = "[", close: String = "]") -> String {
    "x: " + String(repeating: open, count: depth) + String(repeating: close, count: depth) + "\n"
  }

  static func blockSequence(_ depth: Int) -> String {
    (0..<depth).map { String(repeating: " ", count: $0) + "-" }.joined(separator: "\n") + " 1\n"
  }

  @Test(arguments: [limit + 1, limit * 10, limit * 100])
  func deepFlowSequencesAreALocatedError(depth: Int) {
    #expect {
      try YAMLParser.parse(Self.flow(depth), file: "deep.fmf")
    } throws: { error in
      let text = "\(error)"
      return text.contains("deep.fmf:1:\(3 + Self.limit):") && text.contains("nested deeper than \(Self.limit)")
    }
  }

  @Test func deepFlowMappingsAndBlockSequencesAreErrorsToo() {
    let mappings =
      "x: " + String(repeating: "{a: ", count: Self.limit + 5) + "1"
      + String(repeating: "}", count: Self.limit + 5) + "\n"
    #expect(throws: (any Error).self) { try YAMLParser.parse(mappings, file: "m.fmf") }
    #expect(throws: (any Error).self) { try YAMLParser.parse(Self.blockSequence(Self.limit + 2), file: "b.fmf") }
  }

  @Test func nestingUpToTheLimitLoads() throws {
    // The document's own top-level mapping is one level: `x:` plus limit - 1 sequences.
    let node = try YAMLParser.parse(Self.flow(Self.limit - 1), file: "ok.fmf")
    #expect(node != nil)
  }
}
