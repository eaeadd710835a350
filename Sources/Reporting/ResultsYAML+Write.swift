public import HPCBasics
public import TMTModel
internal import YAML

extension ResultsYAML {
  /// Writes `results` to `path` as `render(_:)` renders them (the same bytes, anchors included), atomically, one
  /// entry at a time through `FileSystem.writeAtomically(_:durable:parts:)`: only one result's tree and about
  /// 64 kB of text are held at once, whatever the number of results. False when the file could not be written.
  @discardableResult
  package static func write(_ results: [TestResult], to path: String, durable: Bool = true) -> Bool {
    FileSystem.writeAtomically(path, durable: durable) { write in
      writeEntries(results, to: write)
    }
  }

  /// Hands `write` the document for `results` entry by entry (`[]` when there is none): what `render(_:)`
  /// returns, in parts.
  package static func writeEntries(_ results: [TestResult], to write: (String) -> Void) {
    guard !results.isEmpty else { return write("[]\n") }
    var stream = YAMLEmitter.SequenceStream(profile: .results, shared: ContextAnchors.shared(results))
    for result in results { write(stream.item(tree(result).value)) }
  }
}
