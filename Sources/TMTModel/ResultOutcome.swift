/// A result outcome, tmt's names. Worst wins: error > fail > warn > pass > info > skip > pending.
public enum ResultOutcome: String, Sendable, Hashable, CaseIterable, Codable {
  case pass, fail, info, warn, error, skip, pending

  /// Rank used to reduce several outcomes: higher is worse.
  public var severity: Int {
    switch self {
    case .pending: 0
    case .skip: 1
    case .info: 2
    case .pass: 3
    case .warn: 4
    case .fail: 5
    case .error: 6
    }
  }

  /// The worst of `outcomes`, or nil when empty.
  public static func worst<S: Sequence>(_ outcomes: S) -> ResultOutcome? where S.Element == ResultOutcome {
    outcomes.max { $0.severity < $1.severity }
  }

  /// Parses an outcome case-insensitively (`PASS`, `Fail`); nil when unknown.
  public init?(parsing text: String) {
    self.init(rawValue: text.lowercased())
  }
}
