import TMTModel
internal import YAML

/// PyYAML writes a context value shared by several results once with an anchor (`&id001`) and then as aliases
/// (`*id001`); this finds the context entries that repeat, for `YAMLEmitter` to anchor.
enum ContextAnchors {
  /// The context entries (non-empty lists) that stand in more than one result.
  static func shared(_ results: [TestResultLike]) -> Set<YAMLPair> {
    var seen: Set<YAMLEntry> = []
    var shared: Set<YAMLPair> = []
    for result in results {
      for entry in result.contextEntries where !entry.value.items.isEmpty {
        if !seen.insert(entry).inserted { shared.insert(entry.pair) }
      }
    }
    return shared
  }
}

/// What `ContextAnchors` needs of a result.
protocol TestResultLike {
  /// The context as tree entries.
  var contextEntries: [YAMLEntry] { get }
}

extension TestResult: TestResultLike {
  var contextEntries: [YAMLEntry] { context.map { YAMLEntry($0.0, .strings($0.1)) } }
}
