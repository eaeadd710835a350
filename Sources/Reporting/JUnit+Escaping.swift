extension JUnit {
  /// Text content: characters XML 1.0 forbids are dropped; `&`, `<`, `>` and `\r` are escaped.
  package static func text(_ raw: String) -> String {
    var result = ""
    for scalar in raw.unicodeScalars where isAllowed(scalar) {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\r": result += "&#13;"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Attribute values: as text, plus `"` and the whitespace characters an XML parser would normalise.
  package static func attribute(_ raw: String) -> String {
    var result = ""
    for scalar in text(raw).unicodeScalars {
      switch scalar {
      case "\"": result += "&quot;"
      case "\n": result += "&#10;"
      case "\t": result += "&#9;"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// XML 1.0 `Char`: tab, newline, carriage return, and everything from U+0020 except the surrogates and
  /// U+FFFE/U+FFFF.
  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD: true
    case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }
}
