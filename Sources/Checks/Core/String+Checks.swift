extension String {
  /// The string without leading and trailing whitespace (spaces, tabs, newlines, carriage returns).
  package var trimmed: String {
    var slice = Substring(self)
    while let first = slice.first, first.isWhitespace { slice.removeFirst() }
    while let last = slice.last, last.isWhitespace { slice.removeLast() }
    return String(slice)
  }

  /// Every occurrence of `target` replaced with `replacement`.
  package func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self { if character == target { result += replacement } else { result.append(character) } }
    return result
  }

  /// The parts separated by runs of whitespace.
  package var words: [String] { split(whereSeparator: \.isWhitespace).map(String.init) }

  /// The lines, without their line terminators.
  package var lines: [String] {
    split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
  }

  /// The text after the first `separator`, trimmed (nil when absent).
  package func after(_ separator: Character) -> String? {
    guard let index = firstIndex(of: separator) else { return nil }
    return String(self[self.index(after: index)...]).trimmed
  }

  /// The text before the first `separator`, trimmed (the whole string trimmed when absent).
  package func before(_ separator: Character) -> String {
    guard let index = firstIndex(of: separator) else { return trimmed }
    return String(self[..<index]).trimmed
  }

  /// The first number (digits with an optional fraction) in the string.
  package var leadingNumber: Double? {
    var digits = ""
    for character in self {
      if character.isNumber || (character == "." && !digits.isEmpty) || (character == "-" && digits.isEmpty) {
        digits.append(character)
      } else if !digits.isEmpty {
        break
      }
    }
    return Double(digits)
  }

  /// Parses `0x1f` or `31` as an integer.
  package var integerValue: Int? {
    let text = trimmed.lowercased()
    if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
    return Int(text)
  }
}

extension Double {
  /// The value with at most `digits` fraction digits and no trailing zeros beyond one (`16.0`, `0.25`).
  package func formatted(_ digits: Int = 2) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (self * scale).rounded() / scale
    var text = String(rounded)
    if text.hasSuffix(".0") || !text.contains(".") { return text.contains(".") ? text : text + ".0" }
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }
}
