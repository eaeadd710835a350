import HPCBasics

/// ruamel.yaml.clib bundles libyaml 0.1.7, whose scanner is stricter than the system libyaml 0.2.x about
/// plain scalars inside flow collections: `{url: https://x}` fails with "found unexpected ':'" and `[a?b]`
/// ends the scalar at `?`. This replays those two rules on the raw text of a flow plain scalar, and
/// rejects tags directly followed by a flow indicator (`[!foo]`, `[a, !, b]`), which 0.1.7 reads as part
/// of the tag (an error either way there).
struct FlowScalarCheck {
  private let bytes: [UInt8]
  private var lineStarts: [Int] = []

  /// A checker over the document's bytes.
  init(bytes: [UInt8]) { self.bytes = bytes }

  /// Throws libyaml 0.1.7's error for the plain scalar `event` inside the flow collection starting at
  /// `collectionStart` (`isSequence` picks `]` or `}` in the parser message).
  mutating func check(_ event: YAMLEvent, collectionStart: YAMLMark, isSequence: Bool, file: String)
    throws(Diagnostic)
  {
    if lineStarts.isEmpty { lineStarts = Self.lineStarts(bytes) }
    var index = offset(of: event.start)
    let end = offset(of: event.end)
    var mark = event.start
    let first = index
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: ":"), index + 1 < end, !Self.isBlank(bytes[index + 1]) {
        let context = "while scanning a plain scalar at line \(event.start.line + 1), column \(event.start.column + 1)"
        throw .error("found unexpected ':' (\(context))", at: YAMLSource.location(mark, file: file))
      }
      if byte == UInt8(ascii: "?"), index > first {
        let (closer, kind) = isSequence ? ("]", "sequence") : ("}", "mapping")
        let context =
          "while parsing a flow \(kind) at line \(collectionStart.line + 1), column \(collectionStart.column + 1)"
        throw .error("did not find expected ',' or '\(closer)' (\(context))", at: YAMLSource.location(mark, file: file))
      }
      if byte == 0x0A {
        mark = YAMLMark(line: mark.line + 1, column: 0)
      } else if byte & 0xC0 != 0x80 && byte != 0x0D {
        mark.column += 1
      }
      index += 1
    }
  }

  /// Throws when a tag of the node `event` (inside a flow collection) runs into a flow indicator.
  mutating func checkTag(_ event: YAMLEvent, file: String) throws(Diagnostic) {
    if lineStarts.isEmpty { lineStarts = Self.lineStarts(bytes) }
    var index = offset(of: event.start)
    let tagStart = index
    var tagMark = event.start
    while index < bytes.count, bytes[index] == UInt8(ascii: "&") || bytes[index] == UInt8(ascii: "!") {
      let isTag = bytes[index] == UInt8(ascii: "!")
      let start = index
      if isTag && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "<") {
        while index < bytes.count && bytes[index] != UInt8(ascii: ">") && !Self.isBlank(bytes[index]) { index += 1 }
        if index < bytes.count && bytes[index] == UInt8(ascii: ">") { index += 1 }
      } else {
        while index < bytes.count && !Self.isBlank(bytes[index]) && !Self.isFlowIndicator(bytes[index]) { index += 1 }
      }
      if isTag, index < bytes.count, Self.isFlowIndicator(bytes[index]) {
        tagMark.column += bytes[tagStart..<start].count { $0 & 0xC0 != 0x80 }
        let column = tagMark.column + bytes[start..<index].count { $0 & 0xC0 != 0x80 }
        let context = "while scanning a tag at line \(tagMark.line + 1), column \(tagMark.column + 1)"
        let at = YAMLSource.location(YAMLMark(line: tagMark.line, column: column), file: file)
        throw .error("did not find expected whitespace or line break (\(context))", at: at)
      }
      while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
    }
  }

  private static func isFlowIndicator(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "{")
      || byte == UInt8(ascii: "}")
  }

  private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

  /// Byte offsets of line starts; libyaml's reader drops a leading BOM before counting columns.
  private static func lineStarts(_ bytes: [UInt8]) -> [Int] {
    var starts = [bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
    for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
    return starts
  }

  /// The byte offset of a mark (column counted in Unicode scalars).
  private func offset(of mark: YAMLMark) -> Int {
    guard mark.line < lineStarts.count else { return bytes.count }
    var index = lineStarts[mark.line]
    var column = 0
    while column < mark.column && index < bytes.count {
      index += 1
      while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
      column += 1
    }
    return index
  }
}
