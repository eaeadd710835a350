extension JUnit {
  /// Text content: characters XML 1.0 forbids are dropped; `&`, `<`, `>` and `\r` are escaped.
  package static func text(_ raw: String) -> String {
    isPlain(raw) ? raw : escapedText(raw)
  }

  /// `text` scalar by scalar.
  static func escapedText(_ raw: String) -> String {
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
    isPlain(raw) ? raw : escapedAttribute(raw)
  }

  /// `attribute` scalar by scalar.
  static func escapedAttribute(_ raw: String) -> String {
    var result = ""
    for scalar in escapedText(raw).unicodeScalars {
      switch scalar {
      case "\"": result += "&quot;"
      case "\n": result += "&#10;"
      case "\t": result += "&#9;"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// True when neither `text` nor `attribute` changes `raw`: printable ASCII without `&`, `<`, `>` and `"` (the
  /// usual test, plan and node name, checked without going through its scalars).
  static func isPlain(_ raw: String) -> Bool {
    raw.utf8.allSatisfy { byte in
      byte >= 0x20 && byte < 0x7F && byte != 0x26 && byte != 0x3C && byte != 0x3E && byte != 0x22
    }
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
