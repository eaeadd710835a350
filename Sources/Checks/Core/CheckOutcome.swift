/// The outcome of a check or of one of its sub-results; raw values are tmt's result names.
///
/// Worst wins: error > fail > warn > pass > info > skip, as tmt reduces results.
package enum CheckOutcome: String, Sendable, Hashable, CaseIterable {
  case pass, fail, info, warn, error, skip

  /// Rank used to reduce several outcomes: higher is worse.
  package var severity: Int {
    switch self {
    case .skip: 0
    case .info: 1
    case .pass: 2
    case .warn: 3
    case .fail: 4
    case .error: 5
    }
  }

  /// The worst of `outcomes`, or nil when there are none.
  package static func worst<S: Sequence>(_ outcomes: S) -> CheckOutcome? where S.Element == CheckOutcome {
    outcomes.max { $0.severity < $1.severity }
  }

  /// The exit code of `hpctest check`: 0 for pass, info and skip; 1 for fail and warn; 2 for error.
  package var exitCode: Int32 {
    switch self {
    case .pass, .info, .skip: 0
    case .fail, .warn: 1
    case .error: 2
    }
  }

  /// The outcome written to `tmt-report-results.yaml`: tmt's reduction only knows skip, pass, warn and fail and
  /// crashes on `error` and `info`, so error becomes fail and info becomes pass (the message keeps the original).
  package var tmtReportable: CheckOutcome {
    switch self {
    case .error: .fail
    case .info: .pass
    default: self
    }
  }
}
