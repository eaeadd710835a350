import HPCBasics
import Reporting
import TMTModel

extension Runner {
  /// The plans to run: positional selectors (`plans/gpu`, `plans/gpu.fmf`, `/plans/gpu`: the plan or its children)
  /// and `plans --name RE` (searched), all plans when none given; tmt's `/default/plan` when the tree has none.
  func selectedPlans() -> [TMTPlan] {
    var pool = plans.filter { $0.enabled.value != .bool(false) }
    if pool.isEmpty { pool = [Self.defaultPlan] }
    guard !options.planNames.isEmpty else { return pool }
    return pool.filter { plan in
      options.planNames.contains { selector in Self.matches(plan.name, selector: selector) }
    }
  }

  static func matches(_ name: String, selector: String) -> Bool {
    var path = selector
    if path.hasSuffix(".fmf") { path.removeLast(4) }
    while path.hasPrefix("./") { path.removeFirst(2) }
    if !path.hasPrefix("/") { path = "/" + path }
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    if name == path || name.hasPrefix(path + "/") { return true }
    return (try? NamePattern(selector, key: "plans --name"))?.matches(name) ?? false
  }

  /// tmt's plan for trees without plans: discover every test with fmf, run locally.
  static var defaultPlan: TMTPlan {
    var plan = TMTPlan(name: "/default/plan")
    plan.steps[.discover] = [TMTPhase(name: "default-0", how: "fmf", data: [])]
    return plan
  }

  /// Writes the reports, prints the totals and returns the exit code.
  func finish(_ outcomes: [PlanOutcome], directory: RunDirectory) -> Int32 {
    let reportFailed = options.runs(.report) && report(outcomes)
    if options.runs(.report) {
      for outcome in outcomes { StepStatus.done(Path.dirname(outcome.executeDirectory), .report) }
    }
    let htmlWritten = !options.runs(.report) || writeHTMLReports(outcomes, run: directory.path)
    let all = outcomes.flatMap(\.results)
    log.always("")
    for line in Display.failureList(all) { log.always(line) }
    log.always("total: " + Display.summary(all))
    if reportFailed || outcomes.contains(where: { $0.failure != nil }) || !htmlWritten { return 2 }
    if outcomes.contains(where: \.interrupted) { return 1 }
    return RunExitCode.code(all, executeEnabled: options.runs(.execute))
  }

  /// Writes the reports; true when one could not be written.
  private func report(_ outcomes: [PlanOutcome]) -> Bool {
    var reportFailed = false
    var suites: [JUnitSuite] = []
    for outcome in outcomes {
      let plan = plans.first { $0.name == outcome.name }
      let hows = options.reportHows.isEmpty ? plan?.phases(.report).map(\.how) ?? [] : options.reportHows
      // The suite holds every test's output: built only for a JUnit file, and kept only for `--file`.
      if options.junitFile != nil || hows.contains("junit") {
        let suite = JUnit.suite(
          name: outcome.name, results: JUnitGuestNames.apply(outcome.results),
          executeDirectory: outcome.executeDirectory)
        if options.junitFile != nil {
          suites.append(suite)
        } else {
          reportFailed = !writePlanJUnit(suite, plan: plan, outcome: outcome) || reportFailed
        }
      }
      log.line(outcome.name)
      log.line("report", level: 1)
      log.line("how: display", level: 2, minimumVerbosity: 1)
      log.line("execute", level: 2, minimumVerbosity: 1)
      for result in outcome.results {
        let lines = Display.lines(
          result, verbosity: log.verbosity, executeDirectory: outcome.executeDirectory)
        for line in lines { log.line(line, level: 3, minimumVerbosity: 1) }
      }
      log.line("summary: " + Display.summary(outcome.results), level: 2)
    }
    if let file = options.junitFile { reportFailed = !writeJUnit(suites, to: file) || reportFailed }
    return reportFailed
  }
}
