public import TMTModel
internal import YAML

/// Reading a results.yaml in the emitter's layout straight into `TestResult`s, without a tree of the whole
/// document: each key's value goes into its field as it is read. Values outside the usual layout (anchored, aliased,
/// a block where a scalar stands) go through the tree reader one value at a time, and anything the tree path
/// would not turn into results (a missing or bad outcome, a non-mapping item) throws `Unsupported`, so
/// `ResultsYAML.readFast` falls back to the full reader and its located diagnostic.
extension EmittedYAMLReader {
  /// One key's line: the key, and where its one-line value starts and ends (`start == end`: a block below).
  struct Entry {
    var key: String
    var start: Int
    var end: Int
  }

  /// The fields that results, sub-results and check results share.
  struct Common {
    var name: String?
    var result: String?
    var originalResult: String?
    var note: [String] = []
    var log: [String] = []
    var startTime: String?
    var endTime: String?
    var duration: String?

    /// The two outcomes; `Unsupported` when either is missing or not an outcome.
    func outcomes() throws(Unsupported) -> (ResultOutcome, ResultOutcome) {
      guard let result = result.flatMap(ResultOutcome.init(parsing:)),
        let original = originalResult.flatMap(ResultOutcome.init(parsing:))
      else { throw Unsupported() }
      return (result, original)
    }
  }

  /// The results of `text` (a results.yaml), the ones `ResultsYAML.read` gives; `Unsupported` when the text is
  /// outside the emitter's layout or its results are not valid.
  static func results(_ text: String) throws(Unsupported) -> [TestResult] {
    var text = text
    let results: [TestResult]? = text.withUTF8 { bytes in
      var reader = EmittedYAMLReader(bytes: bytes)
      return try? reader.resultList()
    }
    guard let results else { throw Unsupported() }
    return results
  }

  private mutating func resultList() throws(Unsupported) -> [TestResult] {
    try split()
    guard let first = lines.first, first.indent == 0 else { throw Unsupported() }
    if lines.count == 1, first.end - first.content == 2, bytes[first.content] == 0x5B,
      bytes[first.content + 1] == 0x5D
    {
      return []
    }
    var results: [TestResult] = []
    while index < lines.count {
      guard try openItem(0) else { throw Unsupported() }
      results.append(try result(2))
    }
    return results
  }

  /// True when the line at `index` is `- key: value` at `indent`, made the first line of a mapping two deeper.
  mutating func openItem(_ indent: Int) throws(Unsupported) -> Bool {
    guard index < lines.count, lines[index].indent == indent, isDash(lines[index]) else { return false }
    let line = lines[index]
    guard line.content + 2 < line.end, keyEnd(from: line.content + 2, to: line.end) != nil else {
      throw Unsupported()
    }
    lines[index] = Line(content: line.content + 2, end: line.end, indent: indent + 2)
    return true
  }

  /// The next key of the mapping at `indent` (its line consumed); nil after the mapping's last line.
  mutating func entry(_ indent: Int) throws(Unsupported) -> Entry? {
    guard index < lines.count, lines[index].indent == indent, !isDash(lines[index]) else { return nil }
    let line = lines[index]
    index += 1
    guard let colon = keyEnd(from: line.content, to: line.end) else { throw Unsupported() }
    return Entry(key: try key(line.content, colon), start: min(colon + 2, line.end), end: line.end)
  }

  /// True when the entry's value is `[]` or `{}` on its line (an empty list and an empty mapping read alike here).
  func isEmpty(_ entry: Entry) -> Bool {
    entry.end - entry.start == 2
      && ((bytes[entry.start] == 0x5B && bytes[entry.start + 1] == 0x5D)
        || (bytes[entry.start] == 0x7B && bytes[entry.start + 1] == 0x7D))
  }

  /// Whether the next line is at `indent`, a dash or not as `dash` says: where a block value starts.
  func next(at indent: Int, dash: Bool) -> Bool {
    index < lines.count && lines[index].indent == indent && isDash(lines[index]) == dash
  }

  /// The entry's value as the tree reader gives it (anchors and aliases included).
  mutating func tree(_ entry: Entry, _ indent: Int) throws(Unsupported) -> YAMLTree {
    try tree(from: entry.start, to: entry.end, under: indent)
  }

  /// A scalar's text (`YAMLTree.text`): nil for null and for collections.
  mutating func text(_ entry: Entry, _ indent: Int) throws(Unsupported) -> String? {
    guard entry.start < entry.end, bytes[entry.start] != 0x26 else { return try tree(entry, indent).text }
    return try value(entry.start, entry.end).text
  }

  /// A list of strings (`ResultsYAML.strings`): the items' texts, nulls and collections left out.
  mutating func strings(_ entry: Entry, _ indent: Int) throws(Unsupported) -> [String] {
    guard entry.start == entry.end, next(at: indent, dash: true) else {
      return ResultsYAML.strings(try tree(entry, indent))
    }
    var texts: [String] = []
    while next(at: indent, dash: true) {
      let line = lines[index]
      guard line.content + 2 < line.end, keyEnd(from: line.content + 2, to: line.end) == nil else {
        throw Unsupported()
      }
      index += 1
      if let text = try value(line.content + 2, line.end).text { texts.append(text) }
    }
    return texts
  }

  /// A mapping's keys with their texts (`fmf-id`, `ids`).
  mutating func pairs(_ entry: Entry, _ indent: Int) throws(Unsupported) -> [(String, String?)] {
    guard entry.start == entry.end, next(at: indent + 2, dash: false) else {
      return try tree(entry, indent).entries.map { ($0.key, $0.value.text) }
    }
    var pairs: [(String, String?)] = []
    while let inner = try self.entry(indent + 2) { pairs.append((inner.key, try text(inner, indent + 2))) }
    return pairs
  }

  /// Reads a shared field into `common`; false for another key (nothing read).
  mutating func common(_ entry: Entry, _ indent: Int, into common: inout Common) throws(Unsupported) -> Bool {
    switch entry.key {
    case "name": common.name = try text(entry, indent)
    case "result": common.result = try text(entry, indent)
    case "original-result": common.originalResult = try text(entry, indent)
    case "note": common.note = try strings(entry, indent)
    case "log": common.log = try strings(entry, indent)
    case "start-time": common.startTime = try text(entry, indent)
    case "end-time": common.endTime = try text(entry, indent)
    case "duration": common.duration = try text(entry, indent)
    default: return false
    }
    return true
  }
}
