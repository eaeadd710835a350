import Glibc
import HPCBasics
import TMTModel
import TestSupport
import Testing

@testable import Reporting

/// results.yaml written entry by entry (`ResultsYAML.write`, `writeEntries`) is byte for byte the document
/// `render` builds whole: for random results with sub-results, notes, logs, guests, check lists, ids and context
/// values shared by several results (anchors and aliases), for the empty list, and for documents larger than the
/// writer's 64 kB buffer, whose anchors are numbered across the parts.
@Suite struct ResultsYAMLWriteTests {
  static func scratch() -> String {
    Scratch.directory("results-write-")
  }

  @Test(arguments: 0..<200)
  func entriesJoinedAreTheRenderedDocument(seed: UInt64) {
    let results = ResultsYAMLFastTests.results(seed: seed)
    var parts: [String] = []
    ResultsYAML.writeEntries(results) { parts.append($0) }
    #expect(parts.count == results.count)
    #expect(parts.joined() == ResultsYAML.render(results))
  }

  /// Many seeds' results in one file (several times the buffer): the file holds exactly `render`'s bytes.
  @Test(arguments: [0, 1, 7, 120, 600])
  func writtenFileIsTheRenderedDocument(count: Int) throws {
    let directory = Self.scratch()
    defer { FileSystem.removeTree(directory) }
    let results = (0..<UInt64(count)).flatMap { ResultsYAMLFastTests.results(seed: 1000 + $0) }
    let path = directory + "/results.yaml"
    #expect(ResultsYAML.write(results, to: path))
    let written = try #require(FileSystem.readBytes(path))
    #expect(written == Array(ResultsYAML.render(results).utf8))
    if count >= 120 { #expect(written.count > 2 << 16) }
    #expect(FileSystem.list(directory) == ["results.yaml"])
  }

  /// Without context values shared by several results (no anchors), blocks of entries are rendered on every CPU:
  /// the parts and the file are still exactly `render`'s, across block boundaries.
  @Test(arguments: [255, 256, 257, 1_000])
  func entriesRenderedSideBySideAreTheRenderedDocument(count: Int) throws {
    var results = (0..<UInt64(count / 3 + 1)).flatMap { ResultsYAMLFastTests.results(seed: 5000 + $0) }
    try #require(!results.isEmpty)
    while results.count < count { results += results }
    results = Array(results.prefix(count)).map { result in
      var result = result
      result.context = []
      return result
    }
    #expect(ContextAnchors.shared(results).isEmpty)
    var parts: [String] = []
    ResultsYAML.writeEntries(results) { parts.append($0) }
    #expect(parts.count == count)
    #expect(parts.joined() == ResultsYAML.render(results))
    let directory = Self.scratch()
    defer { FileSystem.removeTree(directory) }
    #expect(ResultsYAML.write(results, to: directory + "/results.yaml"))
    #expect(FileSystem.readText(directory + "/results.yaml") == ResultsYAML.render(results))
  }

  /// A results file that cannot be written is reported, and nothing is left behind.
  @Test func unwritableFileIsReported() {
    let directory = Self.scratch()
    defer { FileSystem.removeTree(directory) }
    let results = ResultsYAMLFastTests.results(seed: 3)
    #expect(!ResultsYAML.write(results, to: directory + "/missing/results.yaml"))
    #expect(FileSystem.list(directory) == [])
  }
}
