public import HPCBasics
public import TMTModel
internal import YAML

extension ResultsYAML {
  /// Writes `results` to `path` as `render(_:)` renders them (the same bytes, anchors included), atomically, in
  /// parts through `FileSystem.writeAtomically(_:durable:parts:)`: at most one block of entries (`block`) is held
  /// at once, whatever the number of results. False when the file could not be written.
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
    let shared = ContextAnchors.shared(results)
    guard shared.isEmpty, results.count > block else {
      var stream = YAMLEmitter.SequenceStream(profile: .results, shared: shared)
      for result in results { write(stream.item(tree(result).value)) }
      return
    }
    // Without anchors no entry depends on another: a block of them is rendered on every CPU, then written in order.
    for start in stride(from: 0, to: results.count, by: block) {
      let entries = Parallel.map(Array(results[start..<min(start + block, results.count)])) { result in
        var stream = YAMLEmitter.SequenceStream(profile: .results)
        return stream.item(tree(result).value)
      }
      for entry in entries { write(entry) }
    }
  }

  /// How many entries are rendered side by side before they are written.
  static let block = 256
}
