import HPCBasics

/// Location helpers shared by the parser layers.
enum YAMLSource {
  /// A 1-based location for a 0-based libyaml mark.
  static func location(_ mark: YAMLMark, file: String) -> SourceLocation {
    SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1)
  }

  /// The 1-based line and column (in Unicode scalars, a leading BOM not counted) of byte `offset` in `bytes`.
  static func location(ofByte offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
    var line = 1
    var column = 1
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) && offset >= 3 ? 3 : 0  // libyaml drops the BOM
    let end = min(offset, bytes.count)
    while index < end {
      let byte = bytes[index]
      if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }
    return SourceLocation(file: file, line: line, column: column)
  }
}
