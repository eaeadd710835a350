/// Reads the block-style YAML subset that `YAMLEmitter` and PyYAML write for results files: nested mappings and
/// sequences by indentation, `{}`/`[]`, plain and quoted scalars (quoted ones may span lines), anchors and aliases,
/// `null`, integers.
package struct YAMLReader {
  /// A problem with the line number (1-based).
  package struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line.
    package var line: Int
    /// What was expected.
    package var message: String
    /// `line N: message`.
    package var description: String { "line \(line): \(message)" }
  }

  /// Parses `text` into a tree with aliases resolved.
  package static func parse(_ text: String) throws(Failure) -> YAMLTree {
    var reader = YAMLReader(text)
    reader.skipBlank()
    guard reader.cursor < reader.lines.count else { return .null }
    return try reader.node(indent: reader.lines[reader.cursor].indent)
  }

  struct Line {
    var number: Int
    var indent: Int
    var text: Substring
  }

  var lines: [Line] = []
  var cursor = 0
  var anchors: [String: YAMLTree] = [:]

  private init(_ text: String) {
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let content = raw.drop(while: { $0 == " " })
      lines.append(Line(number: index + 1, indent: raw.count - content.count, text: content))
    }
  }

  mutating func skipBlank() {
    while cursor < lines.count,
      lines[cursor].text.isEmpty || lines[cursor].text.hasPrefix("#")
        || lines[cursor].text == "---"
    {
      cursor += 1
    }
  }

  private var current: Line? {
    mutating get {
      skipBlank()
      return cursor < lines.count ? lines[cursor] : nil
    }
  }

  private mutating func node(indent: Int) throws(Failure) -> YAMLTree {
    guard let line = current else { return .null }
    if line.text == "-" || line.text.hasPrefix("- ") { return try sequence(indent: indent) }
    if Self.keyValue(line.text) != nil { return try mapping(indent: indent) }
    cursor += 1
    return try value(line.text, line: line, indent: indent)
  }

  private mutating func sequence(indent: Int) throws(Failure) -> YAMLTree {
    var items: [YAMLTree] = []
    while let line = current, line.indent == indent, line.text == "-" || line.text.hasPrefix("- ") {
      let rest = line.text.dropFirst(2).drop { $0 == " " }
      if Self.keyValue(rest) != nil || rest.hasPrefix("- ") {
        lines[cursor] = Line(number: line.number, indent: line.indent + (line.text.count - rest.count), text: rest)
        items.append(try node(indent: lines[cursor].indent))
      } else {
        cursor += 1
        items.append(try value(rest, line: line, indent: indent))
      }
    }
    return .sequence(items)
  }

  private mutating func mapping(indent: Int) throws(Failure) -> YAMLTree {
    var entries: [YAMLEntry] = []
    while let line = current, line.indent == indent, let (key, text) = Self.keyValue(line.text) {
      cursor += 1
      let name = try Self.scalar(key, line: line.number).text ?? String(key)
      entries.append(YAMLEntry(name, try value(text, line: line, indent: indent)))
    }
    return .mapping(entries)
  }

  /// A value after `key:` or `- `: inline, anchored, aliased, a quoted scalar spanning lines, or a nested block.
  private mutating func value(_ text: Substring, line: Line, indent: Int) throws(Failure) -> YAMLTree {
    if text.hasPrefix("*") {
      guard let tree = anchors[String(text.dropFirst())] else {
        throw Failure(line: line.number, message: "unknown alias '\(text)'")
      }
      return tree
    }
    if text.hasPrefix("&") {
      let name = text.dropFirst().prefix { $0 != " " }
      let rest = text.dropFirst(name.count + 1).drop { $0 == " " }
      let tree = try value(rest, line: line, indent: indent)
      anchors[String(name)] = tree
      return tree
    }
    if let quote = text.first, quote == "'" || quote == "\"" {
      return try Self.scalar(continued(text), line: line.number)
    }
    if !text.isEmpty { return try Self.scalar(plainContinued(text, indent: indent), line: line.number) }
    guard let next = current, next.indent > indent || (next.indent == indent && next.text.hasPrefix("- ")) else {
      return .null
    }
    return try node(indent: next.indent)
  }

  /// A quoted scalar's text joined with its continuation lines (YAML folding: one break is a space, each empty
  /// line a newline).
  private mutating func continued(_ text: Substring) -> Substring {
    guard let quote = text.first, quote == "'" || quote == "\"", !Self.isClosed(text) else { return text }
    var result = String(text)
    var pendingBreaks = 0
    while cursor < lines.count {
      let part = lines[cursor].text
      cursor += 1
      if part.isEmpty {
        pendingBreaks += 1
        continue
      }
      result += pendingBreaks > 0 ? String(repeating: "\n", count: pendingBreaks) : " "
      pendingBreaks = 0
      result += part
      if Self.isClosed(Substring(result)) { break }
    }
    return Substring(result)
  }

  /// A plain scalar's text joined with its more-indented continuation lines.
  private mutating func plainContinued(_ text: Substring, indent: Int) -> Substring {
    var result = String(text)
    var probe = cursor
    var breaks = 0
    while probe < lines.count, lines[probe].text.isEmpty || lines[probe].indent > indent {
      if lines[probe].text.isEmpty {
        breaks += 1
      } else {
        result += breaks > 0 ? String(repeating: "\n", count: breaks) : " "
        result += lines[probe].text
        breaks = 0
        cursor = probe + 1
      }
      probe += 1
    }
    return Substring(result)
  }

  /// True when the quoted scalar `text` ends with its closing quote.
  static func isClosed(_ text: Substring) -> Bool {
    guard let quote = text.first, text.count >= 2, text.last == quote else { return false }
    let body = text.dropFirst().dropLast()
    if quote == "'" {
      let trailing = body.reversed().prefix { $0 == "'" }.count
      return trailing % 2 == 0
    }
    let backslashes = body.reversed().prefix { $0 == "\\" }.count
    return backslashes % 2 == 0
  }

  /// Splits `key: value` (or `key:`), respecting a quoted key.
  static func keyValue(_ text: Substring) -> (Substring, Substring)? {
    var index = text.startIndex
    if let quote = text.first, quote == "'" || quote == "\"" {
      guard let close = text.dropFirst().firstIndex(of: quote) else { return nil }
      index = close
    }
    while index < text.endIndex {
      if text[index] == ":" {
        let after = text.index(after: index)
        if after == text.endIndex { return (text[..<index], "") }
        if text[after] == " " { return (text[..<index], text[text.index(after: after)...].drop { $0 == " " }) }
      }
      index = text.index(after: index)
    }
    return nil
  }
}
