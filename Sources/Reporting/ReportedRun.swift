public import TMTModel

/// What the HTML report and `hpctest compare` read of a run: its plans, their results and each result's figures.
package struct ReportedRun: Sendable, Hashable {
  /// The run directory (or any label for runs built in code).
  package var path: String
  /// The plans, in the order they ran.
  package var plans: [ReportedPlan]

  /// Creates a run.
  package init(path: String, plans: [ReportedPlan]) {
    self.path = path
    self.plans = plans
  }

  /// Every result of every plan.
  package var results: [TestResult] { plans.flatMap { $0.tests.map(\.result) } }
}

/// One plan of a run: its name, where its execute step lives, and its tests.
package struct ReportedPlan: Sendable, Hashable {
  /// The plan's name, e.g. `/plans/gpu`.
  package var name: String
  /// `<run>/<plan>/execute`: log paths in the results are relative to it.
  package var executeDirectory: String
  /// The results, in results.yaml order.
  package var tests: [ReportedTest]

  /// Creates a plan.
  package init(name: String, executeDirectory: String, tests: [ReportedTest]) {
    self.name = name
    self.executeDirectory = executeDirectory
    self.tests = tests
  }

  /// The distinct guest names of the plan's results.
  package var guests: Set<String> { Set(tests.map(\.result.guest.name)) }
}

/// One result with the performance figures its checks recorded.
package struct ReportedTest: Sendable, Hashable {
  /// The result as results.yaml holds it (sub-results without notes get their message log's lines as notes).
  package var result: TestResult
  /// The figures from the result's `hpctest-figures.yaml`, in file order.
  package var figures: [ReportFigure]

  /// Creates a test.
  package init(result: TestResult, figures: [ReportFigure] = []) {
    self.result = result
    self.figures = figures
  }
}
