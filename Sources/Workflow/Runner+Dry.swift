import HPCBasics
import Reporting
import TMTModel

extension Runner {
  /// `--dry`: what would run, nothing run and nothing written: each selected plan with its enabled steps and their
  /// methods, and the tests discover selects (names with `-v`), as tmt's dry mode shows them. Exit 0, or 2 when a
  /// plan's tests cannot be discovered.
  func dryRun() -> Int32 {
    let plans = selectedPlans()
    var code: Int32 = 0
    for plan in plans {
      log.line(plan.name)
      for step in RunStep.allCases where options.runs(step) {
        log.line(step.rawValue, level: 1)
        for how in methods(plan, step) { log.line("how: " + how, level: 2) }
        guard step == .discover else { continue }
        do throws(Diagnostic) {
          let tests = try Discovery(tests: tests, root: root, options: options, loader: loader).discover(plan)
          log.line("summary: \(Display.listed(tests.count, "test")) selected", level: 2)
          for test in tests { log.line(test.test.name, level: 3, minimumVerbosity: 1) }
        } catch {
          log.always(error.description)
          code = 2
        }
      }
    }
    log.always("")
    log.always("Dry mode: nothing is run (\(Display.listed(plans.count, "plan")) selected).")
    return code
  }

  /// The step's methods: the plan's phases, overridden by `-h` on the command line where given.
  private func methods(_ plan: TMTPlan, _ step: RunStep) -> [String] {
    switch step {
    case .provision: if let how = options.provisionHow { return [how] }
    case .report: if !options.reportHows.isEmpty { return options.reportHows }
    default: break
    }
    let planStep = TMTStep(rawValue: step.rawValue)
    let hows = planStep.map { plan.phases($0).map(\.how) } ?? []
    if hows.isEmpty && step == .provision { return ["local"] }
    if hows.isEmpty && step == .report { return ["display"] }
    return hows
  }
}
