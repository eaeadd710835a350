/// POSIX shell quoting for command lines rendered for remote shells and batch scripts.
package enum ShellQuote {
  /// `word` as one shell word: unchanged when it only holds safe characters, else single-quoted.
  package static func quote(_ word: String) -> String {
    let safe = word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0)) }
    if safe && !word.isEmpty { return word }
    return "'" + word.replacingAll("'", with: "'\\''") + "'"
  }

  /// Every word quoted and joined with spaces.
  package static func join(_ words: [String]) -> String { words.map(quote).joined(separator: " ") }
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
