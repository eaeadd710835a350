/// tmt's parsing of `-c/--context` values (`FmfContext._normalize_command_line` over
/// `Environment.from_sequence`): each value is split like `shlex.split`, every word must match `([^=]+)=(.*)`,
/// a later key replaces an earlier one in place, and no dimension may end up empty.
enum ContextSpecification {
  /// The dimensions of `specifications` in tmt's order, or tmt's error message for the first bad one.
  static func parse(_ specifications: [String]) -> Result<[(String, [String])], ContextError> {
    var keys: [String] = []
    var values: [String: String] = [:]
    for specification in specifications {
      let words: [String]
      switch ShellWords.split(specification) {
      case .success(let split): words = split
      case .failure(let error): return .failure(error)
      }
      for word in words {
        if word.hasPrefix("@") {
          return .failure(
            ContextError(
              message: word == "@"
                ? "Invalid variable file specification '@'."
                : "Context files ('\(word)') are not supported by hpctest; use -c KEY=VALUE."))
        }
        guard let equals = word.firstIndex(of: "="), equals != word.startIndex else {
          return .failure(ContextError(message: "Invalid variable specification '\(word)'."))
        }
        let key = String(word[..<equals])
        if values[key] == nil { keys.append(key) }
        // Python's `.*` stops at the first newline.
        values[key] = String(word[word.index(after: equals)...].prefix { $0 != "\n" })
      }
    }
    return dimensions(keys: keys, values: values)
  }

  private static func dimensions(keys: [String], values: [String: String]) -> Result<
    [(String, [String])], ContextError
  > {
    var result: [(String, [String])] = []
    for key in keys {
      let value = values[key] ?? ""
      if value.allSatisfy(\.isWhitespace) {
        return .failure(
          ContextError(
            message: "Context dimension '\(key)' has an empty value. "
              + "Use 'KEY=VALUE' format or remove the dimension entirely."))
      }
      result.append((key, value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
    }
    return .success(result)
  }
}
