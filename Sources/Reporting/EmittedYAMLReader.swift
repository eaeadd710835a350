/// A fast reader for exactly the block YAML that `YAMLEmitter` writes (one scalar per line: plain, single- or
/// double-quoted; `{}`/`[]`; `&idNNN` anchors on mapping values and `*idNNN` aliases; sequences in mappings not
/// indented). It works on the UTF-8 bytes, line by line, and gives the tree libyaml would give. Anything outside
/// that subset (comments, flow collections, folded or multi-line scalars, quoted keys, tabs, a plain scalar YAML 1.1
/// would not read as a string) throws `Unsupported`, and the caller reads the text with the full reader instead.
struct EmittedYAMLReader {
  /// The text is outside the subset this reader handles.
  struct Unsupported: Error {}

  /// One line: where its content starts (after the indentation) and ends (before the line break).
  struct Line {
    var content: Int
    var end: Int
    var indent: Int
  }

  let bytes: UnsafeBufferPointer<UInt8>
  var lines: [Line] = []
  var index = 0
  var anchors: [String: YAMLTree] = [:]
  /// Plain scalars already found to read back as themselves (see `plain`).
  var verified: [String] = []

  /// The tree of `text`; `Unsupported` when it is not in the emitter's subset.
  static func parse(_ text: String) throws(Unsupported) -> YAMLTree {
    var text = text
    let tree: YAMLTree? = text.withUTF8 { bytes in
      var reader = EmittedYAMLReader(bytes: bytes)
      return try? reader.document()
    }
    guard let tree else { throw Unsupported() }
    return tree
  }

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  private mutating func document() throws(Unsupported) -> YAMLTree {
    try split()
    guard !lines.isEmpty, lines[0].indent == 0 else { throw Unsupported() }
    let tree = try block(indent: 0)
    guard index == lines.count else { throw Unsupported() }
    return tree
  }

  /// Cuts the text into lines; blank lines and tabs in the indentation are outside the subset.
  mutating func split() throws(Unsupported) {
    var start = 0
    lines.reserveCapacity(bytes.count / 24)
    while start < bytes.count {
      var content = start
      while content < bytes.count, bytes[content] == 0x20 { content += 1 }
      var end = content
      while end < bytes.count, bytes[end] != 0x0A { end += 1 }
      guard end > content, bytes[content] != 0x09, bytes[content] != 0x23 else { throw Unsupported() }
      lines.append(Line(content: content, end: end, indent: content - start))
      start = end + 1
    }
  }

  /// A key's text: a quoted or plain string.
  mutating func key(_ start: Int, _ end: Int) throws(Unsupported) -> String {
    guard bytes[start] == 0x27 || bytes[start] == 0x22 else { return try plain(start, end) }
    guard case .string(let text) = try value(start, end) else { throw Unsupported() }
    return text
  }

  /// A sequence or mapping whose lines are indented by `indent`.
  private mutating func block(indent: Int) throws(Unsupported) -> YAMLTree {
    guard index < lines.count, lines[index].indent == indent else { throw Unsupported() }
    return isDash(lines[index]) ? try sequence(indent) : try mapping(indent)
  }

  func isDash(_ line: Line) -> Bool {
    bytes[line.content] == 0x2D && (line.content + 1 == line.end || bytes[line.content + 1] == 0x20)
  }

  private mutating func sequence(_ indent: Int) throws(Unsupported) -> YAMLTree {
    var items: [YAMLTree] = []
    while index < lines.count, lines[index].indent == indent, isDash(lines[index]) {
      let line = lines[index]
      if line.content + 1 == line.end {
        index += 1
        items.append(try block(indent: indent + 2))
      } else if keyEnd(from: line.content + 2, to: line.end) != nil {
        // `- key: value` opens a mapping whose first entry sits after the dash.
        lines[index] = Line(content: line.content + 2, end: line.end, indent: indent + 2)
        items.append(try mapping(indent + 2))
      } else {
        index += 1
        items.append(try value(line.content + 2, line.end))
      }
    }
    return .sequence(items)
  }

  private mutating func mapping(_ indent: Int) throws(Unsupported) -> YAMLTree {
    var entries: [YAMLEntry] = []
    while index < lines.count, lines[index].indent == indent, !isDash(lines[index]) {
      let line = lines[index]
      index += 1
      guard let colon = keyEnd(from: line.content, to: line.end) else { throw Unsupported() }
      let key = try self.key(line.content, colon)
      entries.append(YAMLEntry(key, try tree(from: min(colon + 2, line.end), to: line.end, under: indent)))
    }
    guard !entries.isEmpty else { throw Unsupported() }
    return .mapping(entries)
  }

  /// The value of a key at `indent` whose line goes on from `start` to `end` (`start == end`: a block below),
  /// an `&anchor` before it remembered for later aliases.
  mutating func tree(from start: Int, to end: Int, under indent: Int) throws(Unsupported) -> YAMLTree {
    var start = start
    var anchor: String?
    if start < end, bytes[start] == 0x26 {
      var stop = start + 1
      while stop < end, bytes[stop] != 0x20 { stop += 1 }
      anchor = String(decoding: UnsafeBufferPointer(rebasing: bytes[start + 1..<stop]), as: UTF8.self)
      start = min(stop + 1, end)
    }
    let tree = start < end ? try value(start, end) : try nested(under: indent)
    if let anchor { anchors[anchor] = tree }
    return tree
  }

  /// The block value of a key at `indent`: a sequence at the same indentation or any block two columns deeper.
  mutating func nested(under indent: Int) throws(Unsupported) -> YAMLTree {
    guard index < lines.count else { throw Unsupported() }
    let next = lines[index]
    if next.indent == indent && isDash(next) { return try sequence(indent) }
    guard next.indent == indent + 2 else { throw Unsupported() }
    return try block(indent: indent + 2)
  }

  /// The position of the `:` that ends a key (plain, or quoted on one line) and is followed by a space or the
  /// line's end; nil when there is none.
  func keyEnd(from start: Int, to end: Int) -> Int? {
    guard start < end else { return nil }
    if bytes[start] == 0x27 || bytes[start] == 0x22 {
      guard let close = closingQuote(start, end), close + 1 < end, bytes[close + 1] == 0x3A else { return nil }
      return close + 2 == end || bytes[close + 2] == 0x20 ? close + 1 : nil
    }
    var position = start
    while position < end {
      if bytes[position] == 0x3A && (position + 1 == end || bytes[position + 1] == 0x20) { return position }
      position += 1
    }
    return nil
  }

  /// The quote that closes the one opening at `start` (`''` and `\"` do not close).
  private func closingQuote(_ start: Int, _ end: Int) -> Int? {
    let quote = bytes[start]
    var position = start + 1
    while position < end {
      if quote == 0x22 && bytes[position] == 0x5C {
        position += 2
        continue
      }
      if bytes[position] == quote {
        guard quote == 0x27, position + 1 < end, bytes[position + 1] == 0x27 else { return position }
        position += 1
      }
      position += 1
    }
    return nil
  }
}
