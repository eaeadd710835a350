extension YAMLReader {
  /// One scalar: `{}`, `[]`, quoted or plain text, `null`/`~`, an integer.
  static func scalar(_ text: Substring, line: Int) throws(Failure) -> YAMLTree {
    switch text {
    case "{}": return .mapping([])
    case "[]": return .sequence([])
    case "null", "~", "Null", "NULL": return .null
    default: break
    }
    if text.hasPrefix("'") {
      guard text.count >= 2, text.hasSuffix("'") else { throw Failure(line: line, message: "unterminated quote") }
      return .string(String(text.dropFirst().dropLast()).replacingAll("''", with: "'"))
    }
    if text.hasPrefix("\"") {
      guard text.count >= 2, text.hasSuffix("\"") else { throw Failure(line: line, message: "unterminated quote") }
      return .string(unescape(text.dropFirst().dropLast()))
    }
    if text.hasPrefix("[") || text.hasPrefix("{") {
      throw Failure(line: line, message: "flow collections are not supported, got '\(text)'")
    }
    if let value = Int(text) { return .integer(value) }
    return .string(String(text))
  }

  private static func unescape(_ body: Substring) -> String {
    var result = ""
    var iterator = body.makeIterator()
    while let character = iterator.next() {
      guard character == "\\", let escaped = iterator.next() else {
        result.append(character)
        continue
      }
      switch escaped {
      case "n": result += "\n"
      case "t": result += "\t"
      case "r": result += "\r"
      case "0": result += "\0"
      case "x":
        let hex = String([iterator.next(), iterator.next()].compactMap { $0 })
        result.unicodeScalars.append(Unicode.Scalar(UInt8(hex, radix: 16) ?? 0x3F))
      default: result.append(escaped)
      }
    }
    return result
  }
}

extension String {
  /// The string with every occurrence of `target` replaced.
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound] + replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
