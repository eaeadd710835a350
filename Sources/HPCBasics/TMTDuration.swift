/// tmt's `duration` syntax: a sum of `N[smhd]` terms, then `*F` factors applied, rounded up.
///
/// `'2 1m 4'` = 66 s, `'*3 2s *4'` = 24 s, `'1m30s'` = 90 s, `'*2'` = twice the default.
/// `0.5m`, `5min` and `''` are invalid, as in tmt 1.78.
public enum TMTDuration {
  /// tmt's default test duration, 5 minutes.
  public static let defaultSeconds = 300

  /// Parses `text`; a duration made only of factors multiplies `base` (default 5m).
  /// Returns nil when the text is not a valid tmt duration.
  public static func seconds(_ text: String, base: Int = defaultSeconds) -> Int? {
    var tokens = Tokens(text)
    var total = 0
    var factors: [Double] = []
    var sawTerm = false
    while let token = tokens.next() {
      switch token {
      case .term(let value): total += value; sawTerm = true
      case .factor(let value): factors.append(value)
      case .bad: return nil
      }
    }
    guard sawTerm || !factors.isEmpty else { return nil }
    var result = Double(sawTerm ? total : base)
    for factor in factors { result *= factor }
    return Int(result.rounded(.up))
  }

  /// The message used when a duration does not parse.
  public static func invalidMessage(_ text: String) -> String {
    "'duration' must look like '5m', '1h 30m' or '*2', got '\(text)'"
  }

  private enum Token { case term(Int), factor(Double), bad }

  private struct Tokens {
    var rest: Substring
    init(_ text: String) { rest = Substring(text) }

    mutating func next() -> Token? {
      rest = rest.drop(while: { $0 == " " || $0 == "\t" })
      guard let first = rest.first else { return nil }
      if first == "*" { return factor() }
      return term()
    }

    private mutating func factor() -> Token {
      rest = rest.dropFirst().drop(while: { $0 == " " })
      let number = rest.prefix(while: { $0.isASCII && ($0.isNumber || $0 == ".") })
      rest = rest.dropFirst(number.count)
      guard let value = Double(number) else { return .bad }
      return .factor(value)
    }

    private mutating func term() -> Token {
      let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
      guard let value = Int(digits) else { return .bad }
      rest = rest.dropFirst(digits.count).drop(while: { $0 == " " })
      let multiplier: Int
      switch rest.first {
      case "s": multiplier = 1
      case "m": multiplier = 60
      case "h": multiplier = 3600
      case "d": multiplier = 86400
      default: return .term(value)
      }
      rest = rest.dropFirst()
      if let next = rest.first, next.isLetter { return .bad }
      return .term(value * multiplier)
    }
  }
}
