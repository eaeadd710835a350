extension HTMLReport {
  /// Text for element content and attribute values: `&`, `<`, `>`, `"` and `'` as entities; control characters
  /// other than tab and newline (and U+FFFE/U+FFFF) shown as a visible `\xNN`/`\u{NNNN}` escape.
  package static func escape(_ raw: String) -> String {
    var result = ""
    result.reserveCapacity(raw.utf8.count)
    for scalar in raw.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\t", "\n": result.unicodeScalars.append(scalar)
      default:
        if isControl(scalar) {
          let hex = String(scalar.value, radix: 16)
          result += scalar.value < 0x100 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// C0 and C1 controls, DEL, and the noncharacters U+FFFE/U+FFFF.
  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
    default: false
    }
  }

  /// `path` for an `href`: characters other than unreserved ones and `/` percent-encoded (UTF-8), so `#`, `?`,
  /// `%`, spaces and quotes in file names keep their meaning as file names.
  package static func percentEncoded(_ path: String) -> String {
    var result = ""
    for byte in path.utf8 {
      let character = Character(Unicode.Scalar(byte))
      if byte < 0x80, character.isLetter || character.isNumber || "-._~/".contains(character) {
        result.append(character)
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        result += "%" + (hex.count < 2 ? "0" + hex : hex)
      }
    }
    return result
  }

  /// Where a page's log links point: the execute directory, relative to the page or absolute.
  struct Links {
    /// The plan's execute directory (log paths in results are relative to it).
    var executeDirectory: String
    /// The page's directory; nil for absolute links.
    var pageDirectory: String?

    /// The link to `log`.
    func href(_ log: String) -> String {
      let path = log.hasPrefix("/") ? log : executeDirectory + "/" + log
      guard let pageDirectory else { return HTMLReport.percentEncoded(ReportPath.normalized(path)) }
      return HTMLReport.percentEncoded(ReportPath.relative(path, from: pageDirectory))
    }
  }
}
