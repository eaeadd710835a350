public import HPCBasics
public import YAML

/// fmf's `filter()` as tmt calls it (`regexp=True`): `|` of `&` of `key: value[, value]` literals, `-value`
/// negation, `\|`/`\&` escapes, values matched as whole-string regexes against `str()` of the item's values.
/// A missing key or a bare name literal makes the filter not match (tmt treats `FilterError` as a miss).
public enum TMTFilter {
  /// True when `filter` matches the exported mapping `data`.
  public static func matches(_ filter: String, data: YAMLNode) throws(Diagnostic) -> Bool {
    let text = filter.strippingWhitespace
    if text.isEmpty { return true }
    let values = dataValues(data)
    for clause in split(text, on: "|") {
      if try clauseMatches(clause.replacing("\\|", with: "|"), values) { return true }
    }
    return false
  }

  /// Every key with its values as strings (bools also lower-cased, as tmt adds them).
  static func dataValues(_ data: YAMLNode) -> [String: [String]] {
    var result: [String: [String]] = [:]
    for (key, value) in data.pairs ?? [] {
      var strings = value.items.map { $0.map(PythonText.str) } ?? [PythonText.str(value)]
      if case .bool(let flag) = value.value { strings = [flag ? "True" : "False", flag ? "true" : "false"] }
      result[key] = strings
    }
    return result
  }

  private static func clauseMatches(_ clause: String, _ data: [String: [String]]) throws(Diagnostic) -> Bool {
    var literals: [(String, [String])] = []
    for raw in split(clause, on: "&") {
      let literal = raw.replacing("\\&", with: "&")
      guard let colon = literal.firstIndex(of: ":") else { return false }
      let dimension = String(literal[..<colon])
      let value = String(literal[literal.index(after: colon)...]).drop { $0.isWhitespace }
      if let index = literals.firstIndex(where: { $0.0 == dimension }) {
        literals[index].1.append(String(value))
      } else {
        literals.append((dimension, [String(value)]))
      }
    }
    for (dimension, values) in literals {
      guard let known = data[dimension] else { return false }
      for value in values where !(try valueMatches(value, known)) { return false }
    }
    return true
  }

  /// `check_value`: any comma-separated atom matching (negated atoms match when no value does).
  private static func valueMatches(_ value: String, _ known: [String]) throws(Diagnostic) -> Bool {
    for rawAtom in value.split(separator: ",", omittingEmptySubsequences: false) {
      var atom = String(rawAtom).strippingWhitespace
      let negated = atom.hasPrefix("-")
      if negated { atom.removeFirst() }
      let regex = try TMTSelection.regex("^" + atom + "$")
      let found = known.contains { $0.prefixMatch(of: regex) != nil }
      if negated ? !found : found { return true }
    }
    return false
  }

  /// Splits on `separator` not preceded by a backslash, trimming whitespace around it.
  private static func split(_ text: String, on separator: Character) -> [String] {
    var parts: [String] = []
    var current = ""
    var previous: Character?
    for char in text {
      if char == separator && previous != "\\" {
        parts.append(current.strippingWhitespace)
        current = ""
      } else {
        current.append(char)
      }
      previous = char
    }
    parts.append(current.strippingWhitespace)
    return parts
  }
}
