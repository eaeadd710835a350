/// Python `re.search` / `re.sub` over the stdlib Swift `Regex` (code-point semantics, like Python's `str`).
/// Compiled patterns are cached per loader run.
final class PythonRegex {
  private var cache: [String: Regex<AnyRegexOutput>] = [:]

  /// One piece of a parsed `re.sub` replacement template.
  private enum Piece {
    case literal(String)
    case group(Int)
    case named(String)
  }

  /// Python `re.search(pattern, text) is not None`.
  func search(_ pattern: String, in text: String) throws(PythonError) -> Bool {
    let regex = try compile(pattern)
    return text.firstMatch(of: regex) != nil
  }

  /// Python `re.sub(pattern, replacement, text)` with `\1`, `\g<name>` and character escapes.
  func sub(_ pattern: String, _ replacement: String, in text: String) throws(PythonError) -> String {
    let regex = try compile(pattern)
    let template = try Self.parseTemplate(replacement)
    var out = ""
    var last = text.startIndex
    for match in text.matches(of: regex) {
      out += text[last..<match.range.lowerBound]
      for piece in template {
        switch piece {
        case .literal(let literal): out += literal
        case .group(let number):
          guard number < match.output.count else { throw PythonError("invalid group reference \(number)") }
          out += match.output[number].substring.map(String.init) ?? ""
        case .named(let name):
          guard let group = match.output[name] else { throw PythonError("unknown group name '\(name)'") }
          out += group.substring.map(String.init) ?? ""
        }
      }
      last = match.range.upperBound
    }
    out += text[last...]
    return out
  }

  private func compile(_ pattern: String) throws(PythonError) -> Regex<AnyRegexOutput> {
    if let cached = cache[pattern] { return cached }
    do {
      let regex = try Regex(Self.translate(pattern)).matchingSemantics(.unicodeScalar)
      cache[pattern] = regex
      return regex
    } catch {
      throw PythonError("invalid regular expression '\(pattern)': \(error)")
    }
  }

  /// Python-only spellings rewritten for Swift: `\Z` (absolute end) is Swift's `\z`.
  private static func translate(_ pattern: String) -> String {
    guard pattern.contains("\\Z") else { return pattern }
    var out = ""
    var escaped = false
    for character in pattern {
      if escaped {
        out.append(character == "Z" ? "z" : character)
        escaped = false
      } else {
        escaped = character == "\\"
        out.append(character)
      }
    }
    return out
  }

  private static let simpleEscapes: [Character: String] = [
    "n": "\n", "t": "\t", "r": "\r", "a": "\u{07}", "b": "\u{08}", "f": "\u{0C}", "v": "\u{0B}", "\\": "\\",
  ]

  /// Parses a replacement template as Python's `sre_parse.parse_template` does.
  private static func parseTemplate(_ text: String) throws(PythonError) -> [Piece] {
    var pieces: [Piece] = []
    var literal = ""
    let characters = Array(text)
    var index = 0
    func flush() {
      if !literal.isEmpty { pieces.append(.literal(literal)) }
      literal = ""
    }
    while index < characters.count {
      let character = characters[index]
      index += 1
      guard character == "\\" else {
        literal.append(character)
        continue
      }
      guard index < characters.count else { throw PythonError("bad escape (end of pattern)") }
      let next = characters[index]
      index += 1
      if let simple = simpleEscapes[next] {
        literal += simple
      } else if next == "g" {
        flush()
        pieces.append(try groupReference(characters, &index))
      } else if let digit = next.wholeNumberValue, next.isASCII {
        let piece = try numberEscape(digit, characters, &index)
        if case .literal(let text) = piece {
          literal += text
        } else {
          flush()
          pieces.append(piece)
        }
      } else if next.isASCII && next.isLetter {
        throw PythonError("bad escape \\\(next)")
      } else {
        literal += "\\" + String(next)
      }
    }
    flush()
    return pieces
  }

  private static func groupReference(_ characters: [Character], _ index: inout Int) throws(PythonError) -> Piece {
    guard index < characters.count, characters[index] == "<" else { throw PythonError("missing <") }
    guard let close = characters[index...].firstIndex(of: ">") else {
      throw PythonError("missing >, unterminated name")
    }
    let name = String(characters[(index + 1)..<close])
    index = close + 1
    if let number = Int(name), number >= 0 { return .group(number) }
    guard !name.isEmpty else { throw PythonError("missing group name") }
    return .named(name)
  }

  private static func numberEscape(_ digit: Int, _ characters: [Character], _ index: inout Int) throws(PythonError)
    -> Piece
  {
    func octal(_ at: Int) -> Int? {
      guard at < characters.count, let value = characters[at].wholeNumberValue, characters[at].isASCII, value < 8
      else { return nil }
      return value
    }
    if digit == 0 {
      var value = 0
      for _ in 0..<2 {
        guard let next = octal(index) else { break }
        value = value * 8 + next
        index += 1
      }
      return .literal(String(Unicode.Scalar(UInt8(value & 0xff))))
    }
    if digit < 8, let second = octal(index), let third = octal(index + 1) {
      index += 2
      let value = digit * 64 + second * 8 + third
      guard value <= 0o377 else { throw PythonError("octal escape value \\\(digit)\(second)\(third) outside of range") }
      return .literal(String(Unicode.Scalar(UInt8(value))))
    }
    var number = digit
    if index < characters.count, characters[index].isASCII, let next = characters[index].wholeNumberValue {
      number = number * 10 + next
      index += 1
    }
    return .group(number)
  }
}
