/// Python's `shlex.split(text)` (POSIX mode, no comments): whitespace separates words, `'...'` is literal,
/// `"..."` allows `\"` and `\\`, a backslash outside quotes escapes the next character.
struct ShellWords {
  private enum State { case between, word, single, double }

  private var words: [String] = []
  private var current = ""
  private var state = State.between

  /// The words of `text`, or shlex's error for an unterminated quote or escape.
  static func split(_ text: String) -> Result<[String], ContextError> {
    var splitter = ShellWords()
    var characters = text.makeIterator()
    while let character = characters.next() {
      let next = { characters.next() }
      let ok: Bool
      switch splitter.state {
      case .between, .word: ok = splitter.unquoted(character, next: next)
      case .single: ok = splitter.singleQuoted(character)
      case .double: ok = splitter.doubleQuoted(character, next: next)
      }
      guard ok else { return .failure(ContextError(message: splitter.problem)) }
    }
    if splitter.state == .single || splitter.state == .double {
      return .failure(ContextError(message: "No closing quotation"))
    }
    if splitter.state == .word { splitter.words.append(splitter.current) }
    return .success(splitter.words)
  }

  private var problem: String { state == .double ? "No closing quotation" : "No escaped character" }

  private mutating func unquoted(_ character: Character, next: () -> Character?) -> Bool {
    if character.isWhitespace {
      if state == .word { words.append(current) }
      (current, state) = ("", .between)
    } else if character == "'" {
      state = .single
    } else if character == "\"" {
      state = .double
    } else {
      guard let literal = character == "\\" ? next() : character else { return false }
      current.append(literal)
      state = .word
    }
    return true
  }

  private mutating func singleQuoted(_ character: Character) -> Bool {
    if character == "'" { state = .word } else { current.append(character) }
    return true
  }

  private mutating func doubleQuoted(_ character: Character, next: () -> Character?) -> Bool {
    if character == "\"" {
      state = .word
    } else if character == "\\" {
      guard let escaped = next() else { return false }
      if escaped != "\"" && escaped != "\\" { current.append("\\") }
      current.append(escaped)
    } else {
      current.append(character)
    }
    return true
  }
}
