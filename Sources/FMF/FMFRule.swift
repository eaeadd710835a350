/// A parsed `when` condition, split as fmf's regex-based `Context.parse_rule` does:
/// OR groups of AND groups of expressions. There is no real grammar (no parentheses; `and`/`or` split even inside
/// values).
struct FMFRule: Sendable {
  /// One expression of an AND group.
  enum Expression: Sendable {
    /// `true` / `false` (also any text that merely starts with them: `trueish == 1`).
    case literal(Bool)
    /// `dim is defined` (true) / `dim is not defined` (false).
    case defined(String, Bool)
    /// `dim OP v1, v2`.
    case compare(String, String, [FMFContextValue])
  }

  /// The rule's OR groups, each an AND group.
  let groups: [[Expression]]

  /// The comparison operators in the order of fmf's regex alternation (first that fits wins).
  static let operators = ["<", "~<", "<=", "~<=", "==", "~=", "!=", "~!=", ">=", "~>=", ">", "~>", "~", "!~"]

  /// A literal rule (`when: true`).
  init(literal: Bool) { groups = [[.literal(literal)]] }

  /// Parses a rule text; the error text is fmf's `InvalidRule` message.
  init(parsing text: String) throws(PythonError) {
    let rule = Self.rewriteEquals(text)
    var groups: [[Expression]] = []
    for orGroup in Self.split(rule, on: "or") {
      if orGroup.isEmpty { throw PythonError("Empty OR expression in \(rule).") }
      var group: [Expression] = []
      for part in Self.split(orGroup, on: "and") {
        let stripped = PythonText.strip(part)
        if stripped.isEmpty { throw PythonError("Empty AND expression in \(rule).") }
        group.append(try Self.expression(stripped))
      }
      if !group.isEmpty { groups.append(group) }
    }
    self.groups = groups
  }

  /// `re.sub(r"(?<!=|!|~|<|>)=(?!=)", "==", rule)`.
  static func rewriteEquals(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    for (index, scalar) in scalars.enumerated() {
      out.append(scalar)
      guard scalar == "=" else { continue }
      let before = index > 0 ? scalars[index - 1] : nil
      let after = index + 1 < scalars.count ? scalars[index + 1] : nil
      if let before, "=!~<>".unicodeScalars.contains(before) { continue }
      if after == "=" { continue }
      out.append("=")
    }
    return String(out)
  }

  /// `re.split(r"\bWORD\b", text)`.
  static func split(_ text: String, on word: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    let needle = Array(word.unicodeScalars)
    var parts: [String] = []
    var start = 0
    var index = 0
    while index + needle.count <= scalars.count {
      let end = index + needle.count
      if scalars[index] == needle[0], scalars[index..<end].elementsEqual(needle),
        index == 0 || !PythonText.isWord(scalars[index - 1]), end == scalars.count || !PythonText.isWord(scalars[end])
      {
        parts.append(String(String.UnicodeScalarView(scalars[start..<index])))
        start = end
        index = end
      } else {
        index += 1
      }
    }
    parts.append(String(String.UnicodeScalarView(scalars[start...])))
    return parts
  }

  /// fmf's `split_expression` (prefix matches: trailing text after a match is ignored).
  static func expression(_ text: String) throws(PythonError) -> Expression {
    let scalars = Array(text.unicodeScalars)
    if text.hasScalarPrefix("true") { return .literal(true) }
    if text.hasScalarPrefix("false") { return .literal(false) }
    var run = 0
    while run < scalars.count, PythonText.isWord(scalars[run]) || scalars[run] == "-" { run += 1 }
    if run > 0, let triple = triple(scalars, dimensionEnd: run) { return triple }
    if run > 0, let double = double(scalars, maxDimension: run) { return double }
    throw PythonError("Cannot parse expression '\(text)'.")
  }

  /// `([\w-]+)\s*(OPS)\s*([^=].*)`.
  private static func triple(_ scalars: [Unicode.Scalar], dimensionEnd: Int) -> Expression? {
    var position = dimensionEnd
    while position < scalars.count, PythonText.isSpace(scalars[position]) { position += 1 }
    for op in operators {
      let opScalars = Array(op.unicodeScalars)
      guard position + opScalars.count <= scalars.count,
        Array(scalars[position..<(position + opScalars.count)]) == opScalars
      else { continue }
      let afterOp = position + opScalars.count
      var spaces = 0
      while afterOp + spaces < scalars.count, PythonText.isSpace(scalars[afterOp + spaces]) { spaces += 1 }
      for skipped in stride(from: spaces, through: 0, by: -1) {
        let start = afterOp + skipped
        guard start < scalars.count, scalars[start] != "=" else { continue }
        var end = start + 1
        while end < scalars.count, scalars[end] != "\n" { end += 1 }
        let raw = String(String.UnicodeScalarView(scalars[start..<end]))
        let values = raw.split(separator: ",", omittingEmptySubsequences: false).map {
          FMFContextValue(PythonText.strip($0))
        }
        let dimension = String(String.UnicodeScalarView(scalars[0..<dimensionEnd]))
        return .compare(dimension, op, values)
      }
    }
    return nil
  }

  /// `([\w-]+)\s*(is defined|is not defined)` with the regex's backtracking into the dimension.
  private static func double(_ scalars: [Unicode.Scalar], maxDimension: Int) -> Expression? {
    for length in stride(from: maxDimension, through: 1, by: -1) {
      var position = length
      while position < scalars.count, PythonText.isSpace(scalars[position]) { position += 1 }
      let rest = String(String.UnicodeScalarView(scalars[position...]))
      let dimension = String(String.UnicodeScalarView(scalars[0..<length]))
      if rest.hasScalarPrefix("is defined") { return .defined(dimension, true) }
      if rest.hasScalarPrefix("is not defined") { return .defined(dimension, false) }
    }
    return nil
  }
}

extension String {
  /// Python `str.startswith(prefix)` on code points.
  func hasScalarPrefix(_ prefix: String) -> Bool { unicodeScalars.starts(with: prefix.unicodeScalars) }
}
