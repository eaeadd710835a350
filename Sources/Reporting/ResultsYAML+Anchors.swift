import TMTModel

/// PyYAML writes a context value shared by several results once with an anchor (`&id001`) and then as aliases
/// (`*id001`); this reproduces that for context values that repeat.
struct ContextAnchors {
  private var shared: Set<YAMLEntry> = []
  private var names: [YAMLEntry: String] = [:]

  init(_ results: [TestResultLike]) {
    var seen: Set<YAMLEntry> = []
    for result in results {
      for entry in result.contextEntries where !entry.value.items.isEmpty {
        if !seen.insert(entry).inserted { shared.insert(entry) }
      }
    }
  }

  /// `tree` with its context values anchored or aliased.
  mutating func apply(_ tree: YAMLTree) -> YAMLTree {
    guard !shared.isEmpty, case .mapping(var entries) = tree,
      let index = entries.firstIndex(where: { $0.key == "context" })
    else { return tree }
    var context: [YAMLEntry] = []
    for entry in entries[index].value.entries { context.append(anchor(entry)) }
    entries[index].value = .mapping(context)
    return .mapping(entries)
  }

  private mutating func anchor(_ entry: YAMLEntry) -> YAMLEntry {
    guard shared.contains(entry) else { return entry }
    if let name = names[entry] { return YAMLEntry(entry.key, .alias(name)) }
    let number = String(names.count + 1)
    let name = "id" + String(repeating: "0", count: max(0, 3 - number.count)) + number
    names[entry] = name
    return YAMLEntry(entry.key, .anchored(name, entry.value))
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
