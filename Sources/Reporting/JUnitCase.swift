public import TMTModel

/// One `<testcase>` of a JUnit report: a result, or (subresults flavor) one of its sub-results.
package struct JUnitCase: Sendable, Hashable {
  /// The result name.
  package var name: String
  /// The outcome.
  package var outcome: ResultOutcome
  /// Whole seconds (the `time` attribute is omitted when 0).
  package var seconds: Int
  /// Lines of the result's `failures.yaml` files (the body of `<failure>`/`<error>`/`<skipped>`).
  package var failureLines: [String]
  /// The first log's content; nil when the result has no log (no `<system-out>`).
  package var systemOut: String?
  /// The first reason (`message` of `<failure>`/`<error>`/`<skipped>`); nil: the outcome's name, as tmt writes.
  package var message: String?
  /// The guest, when not the default one (`classname` is then `PLAN (GUEST)`).
  package var guest: String?
  /// The start time (the subresults flavor's `timestamp`).
  package var startTime: String?
  /// The sub-results (the subresults flavor's test cases after the parent one).
  package var subcases: [JUnitCase]

  /// Creates a test case.
  package init(
    name: String, outcome: ResultOutcome, seconds: Int, failureLines: [String] = [], systemOut: String?,
    message: String? = nil, guest: String? = nil, startTime: String? = nil, subcases: [JUnitCase] = []
  ) {
    self.name = name
    self.outcome = outcome
    self.seconds = seconds
    self.failureLines = failureLines
    self.systemOut = systemOut
    self.message = message
    self.guest = guest
    self.startTime = startTime
    self.subcases = subcases
  }
}

/// One `<testsuite>`: a plan and its results.
package struct JUnitSuite: Sendable, Hashable {
  /// The plan name.
  package var name: String
  /// Its test cases, in results order.
  package var cases: [JUnitCase]

  /// Creates a suite.
  package init(name: String, cases: [JUnitCase]) {
    self.name = name
    self.cases = cases
  }
}

/// tmt's JUnit flavors.
package enum JUnitFlavor: String, Sendable, CaseIterable {
  /// One `<testsuite>` per plan, one `<testcase>` per result.
  case `default`
  /// One `<testsuite>` per result: the result's own `<testcase>`, then one per sub-result (device).
  case subresults
}
