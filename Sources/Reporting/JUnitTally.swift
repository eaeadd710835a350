/// The counts on a `<testsuites>` or `<testsuite>` element: errors (`error`, `warn`, `pending`), failures,
/// skipped (`skip`, `info`), tests and the seconds they took; tallies of parts add up to the tally of the whole.
struct JUnitTally: Sendable {
  var errors = 0
  var failures = 0
  var skips = 0
  var tests = 0
  var seconds = 0

  init() {}

  /// The tally of `cases` (their seconds summed).
  init(_ cases: [JUnitCase]) {
    for test in cases {
      switch test.outcome {
      case .error, .warn, .pending: errors += 1
      case .fail: failures += 1
      case .skip, .info: skips += 1
      case .pass: break
      }
      seconds += test.seconds
    }
    tests = cases.count
  }

  /// Adds another part's tally.
  mutating func add(_ other: JUnitTally) {
    errors += other.errors
    failures += other.failures
    skips += other.skips
    tests += other.tests
    seconds += other.seconds
  }

  /// The attributes as tmt writes them (` errors="0" failures="1" skipped="0" tests="3" time="12.0"`); `skipped`
  /// only where asked, `time` without `.0` when `integral`.
  func text(skipped: Bool, integral: Bool = false) -> String {
    let skippedText = skipped ? " skipped=\"\(skips)\"" : ""
    let timeText = integral ? "\(seconds)" : "\(seconds).0"
    return " errors=\"\(errors)\" failures=\"\(failures)\"\(skippedText) tests=\"\(tests)\" time=\"\(timeText)\""
  }
}
