/// Python's `shlex.split(text)` (POSIX mode, no comments): whitespace separates words, `'...'` is literal,
/// `"..."` allows `\"` and `\\`, a backslash outside quotes escapes the next character.
enum ShellWords {
  private enum State { case between, word, single, double }

  /// The words of `text`, or shlex's error for an unterminated quote or escape.
  static func split(_ text: String) -> Result<[String], ContextError> {
    var words: [String] = []
    var current = ""
    var state = State.between
    var characters = text.makeIterator()
    while let character = characters.next() {
      switch state {
      case .between, .word:
        if character.isWhitespace {
          if state == .word { words.append(current) }
          current = ""
          state = .between
        } else if character == "'" {
          state = .single
        } else if character == "\"" {
          state = .double
        } else if character == "\\" {
          guard let next = characters.next() else { return .failure(ContextError(message: "No escaped character")) }
          current.append(next)
          state = .word
        } else {
          current.append(character)
          state = .word
        }
      case .single:
        if character == "'" { state = .word } else { current.append(character) }
      case .double:
        if character == "\"" {
          state = .word
        } else if character == "\\" {
          guard let next = characters.next() else { return .failure(ContextError(message: "No closing quotation")) }
          if next != "\"" && next != "\\" { current.append("\\") }
          current.append(next)
        } else {
          current.append(character)
        }
      }
    }
    if state == .single || state == .double { return .failure(ContextError(message: "No closing quotation")) }
    if state == .word { words.append(current) }
    return .success(words)
  }
}
