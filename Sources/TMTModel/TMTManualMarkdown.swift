/// tmt's check of a manual test's Markdown file (`tmt.export.check_md_file_respects_spec`, lint T008): the
/// headings (levels 1-4, ATX `# x` or setext `x` + `===`/`---`, as python-markdown renders them without
/// extensions) must form `# Test` sections of paired `## Step` / `## Expect` headings.
package enum TMTManualMarkdown {
  /// One heading as python-markdown renders it: `<h1>Test</h1>`.
  package struct Heading: Sendable, Equatable {
    /// 1 to 6.
    package var level: Int
    /// The rendered element, `<hN>text</hN>`.
    package var html: String
  }

  /// The headings of `text`, skipping indented code blocks.
  package static func headings(_ text: String) -> [Heading] {
    var headings: [Heading] = []
    var previous: String?
    var blockStart = true
    var inCode = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.allSatisfy(\.isWhitespace) {
        (previous, blockStart) = (nil, true)
        continue
      }
      if blockStart { inCode = line.hasPrefix("    ") || line.hasPrefix("\t") }
      blockStart = false
      guard !inCode else { continue }
      if let heading = atx(line) {
        headings.append(heading)
        previous = nil
      } else if let previous, let level = setextLevel(line) {
        headings.append(Heading(level: level, html: element(level, previous)))
      } else {
        previous = line
        continue
      }
      previous = nil
    }
    return headings
  }

  private static func atx(_ line: String) -> Heading? {
    let hashes = min(line.prefix { $0 == "#" }.count, 6)
    guard hashes > 0 else { return nil }
    var title = Substring(line.dropFirst(hashes))
    while title.last == "#" { title.removeLast() }
    let text = title.trimmingCharacters(in: " \t")
    return text.isEmpty ? nil : Heading(level: hashes, html: element(hashes, text))
  }

  private static func setextLevel(_ line: String) -> Int? {
    var body = Substring(line)
    while body.last == " " { body.removeLast() }
    guard let first = body.first, first == "=" || first == "-", body.allSatisfy({ $0 == first }) else { return nil }
    return first == "=" ? 1 : 2
  }

  private static func element(_ level: Int, _ text: String) -> String {
    "<h\(level)>\(text.trimmingCharacters(in: " \t"))</h\(level)>"
  }
}

extension StringProtocol {
  /// The text without leading and trailing characters from `set`.
  func trimmingCharacters(in set: String) -> String {
    var slice = Substring(self)
    while let first = slice.first, set.contains(first) { slice.removeFirst() }
    while let last = slice.last, set.contains(last) { slice.removeLast() }
    return String(slice)
  }
}
