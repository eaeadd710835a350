/// tmt's `duration` syntax: a sum of `N[smhd]` terms, then `*F` factors applied, rounded up.
///
/// `'2 1m 4'` = 66 s, `'*3 2s *4'` = 24 s, `'1m30s'` = 90 s, `'*2'` = twice the default.
/// `0.5m`, `5min` and `''` are invalid, as in tmt 1.78.
public enum TMTDuration {
  /// tmt's default test duration, 5 minutes.
  public static let defaultSeconds = 300

  /// The longest duration hpctest can wait for: its nanoseconds fit in an `Int` (about 292 years). tmt (Python)
  /// has no limit; a longer value is the error "duration too long", never an arithmetic trap.
  public static let maximumSeconds = Int.max / 1_000_000_000

  /// Parses `text`; a duration made only of factors multiplies `base` (default 5m).
  /// Returns nil when the text is not a valid tmt duration or is longer than `maximumSeconds`.
  public static func seconds(_ text: String, base: Int = defaultSeconds) -> Int? {
    if case .seconds(let value) = parse(text, base: base) { return value }
    return nil
  }

  /// What a duration text means: seconds, not a duration, or too long to wait for.
  public enum Parsed: Equatable, Sendable {
    case seconds(Int)
    case invalid
    case tooLong
  }

  /// Parses `text` with checked arithmetic: no input traps.
  public static func parse(_ text: String, base: Int = defaultSeconds) -> Parsed {
    var tokens = Tokens(text)
    var total = 0
    var factors: [Double] = []
    var sawTerm = false
    while let token = tokens.next() {
      switch token {
      case .term(let value):
        let (sum, overflow) = total.addingReportingOverflow(value)
        guard !overflow, sum <= maximumSeconds else { return .tooLong }
        total = sum
        sawTerm = true
      case .factor(let value): factors.append(value)
      case .bad: return .invalid
      case .tooLong: return .tooLong
      }
    }
    guard sawTerm || !factors.isEmpty else { return .invalid }
    var result = Double(sawTerm ? total : base)
    for factor in factors { result *= factor }
    guard result.isFinite, result.rounded(.up) <= Double(maximumSeconds) else { return .tooLong }
    return .seconds(Int(result.rounded(.up)))
  }

  /// The message used when a duration does not parse, or is too long.
  public static func invalidMessage(_ text: String) -> String {
    if parse(text) == .tooLong {
      return "'duration' is too long: '\(text)' is more than \(maximumSeconds) seconds (about 292 years)"
    }
    return "'duration' must look like '5m', '1h 30m' or '*2', got '\(text)'"
  }

  private enum Token { case term(Int), factor(Double), bad, tooLong }

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
      guard !digits.isEmpty else { return .bad }
      guard let value = Int(digits) else { return .tooLong }
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
      let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
      return overflow ? .tooLong : .term(product)
    }
  }
}
