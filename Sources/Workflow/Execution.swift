import HPCBasics
import Reporting
import TMTModel

/// The execute step of one plan on one guest: tests one after another, each finished result recorded through the
/// plan's `ResultsBoard` (one journal record; results.yaml every few seconds, durably by the plan at the end), a
/// display line per finished test, stopping on abort, interrupt or (`-x`) the first fail or error.
struct Execution {
  var plan: PlanRun
  var tests: [DiscoveredTest]
  /// Tests that must not run, with the note why (missing required packages).
  var blocked: [Int: String]
  /// The guest the tests run on.
  var context: PlanContext
  /// results.yaml and its journal, shared with the executions on the plan's other guests.
  var board: ResultsBoard
  /// This guest's slot on the board.
  var slot = 0

  init(plan: PlanRun, tests: [DiscoveredTest], blocked: [Int: String], board: ResultsBoard) {
    self.plan = plan
    self.tests = tests
    self.blocked = blocked
    self.context = plan.context
    self.board = board
  }

  struct Outcome {
    var results: [TestResult]
    var interrupted = false
  }

  /// Runs the tests. With `previous` results (`--again --failed-only`), tests whose earlier result was pass or
  /// info keep it and are not run.
  func run(previous: [TestResult]) async -> Outcome {
    let log = plan.log
    log.line("execute", level: 1)
    log.line("how: tmt", level: 2, minimumVerbosity: 1)
    let keep = kept(previous)
    var main = initial(keep)
    var extras: [TestResult] = []
    var outcome = Outcome(results: [])
    // Each entry is rendered once: the journal gets one record per finished test, results.yaml a rewrite every
    // few seconds from the rendered entries (see ResultsBoard).
    board.begin(slot: slot, entries: main.map { $0.map(ResultsYAML.entry) })
    for (index, test) in tests.enumerated() {
      if keep[Key(serial: test.serial, name: test.test.name)] != nil { continue }
      if Task.isCancelled {
        outcome.interrupted = true
        break
      }
      let run = await runOne(test)
      main[index] = run.main
      extras += run.extras
      board.finish(
        slot: slot, index: index, main: run.main.map(ResultsYAML.entry), extras: run.extras.map(ResultsYAML.entry))
      for result in [run.main].compactMap({ $0 }) + run.extras {
        show(result, index: index)
      }
      if run.interrupted { outcome.interrupted = true }
      if let line = stopLine(run, test) {
        log.always("        fail: \(line)")
        break
      }
    }
    outcome.results = main.compactMap { $0 } + extras
    let executed = outcome.results.filter { $0.result != .pending }.count
    log.line("summary: \(Display.listed(executed, "test")) executed", level: 2)
    return outcome
  }

  /// The results before any test ran: pending, or the earlier result kept by `--failed-only`.
  private func initial(_ keep: [Key: TestResult]) -> [TestResult?] {
    let guest = context.resultGuest
    return tests.map {
      keep[Key(serial: $0.serial, name: $0.test.name)]
        ?? TestResult.pending(name: $0.test.name, serialNumber: $0.serial, guest: guest)
    }
  }

  private struct Key: Hashable {
    var serial: Int
    var name: String
  }

  /// With `--failed-only`, the earlier pass and info results by serial number and name (first one wins).
  private func kept(_ previous: [TestResult]) -> [Key: TestResult] {
    guard plan.options.failedOnly else { return [:] }
    var kept: [Key: TestResult] = [:]
    for result in previous where kept[Key(serial: result.serialNumber, name: result.name)] == nil {
      kept[Key(serial: result.serialNumber, name: result.name)] = result
    }
    return kept.filter { $0.value.result == .pass || $0.value.result == .info }
  }

  /// `execute -x` or the plan's `execute: exit-first: true`.
  private var exitFirst: Bool {
    plan.options.exitFirst
      || plan.context.plan.phases(.execute).contains { $0["exit-first"]?.value == .bool(true) }
  }

  /// Why execution stops after `run` of `test`: the test stopped it (abort, interrupt), or `--exit-first` and it
  /// failed; nil to go on.
  private func stopLine(_ run: TestRunOutcome, _ test: DiscoveredTest) -> String? {
    if let stop = run.stop { return stop }
    if exitFirst, let result = run.main, result.result == .fail || result.result == .error {
      return "Test \(test.test.name) failed, stopping execution."
    }
    return nil
  }

  private func runOne(_ test: DiscoveredTest) async -> TestRunOutcome {
    let testRun = TestRun(context: context, test: test)
    if let note = blocked[test.serial] {
      var result = testRun.errorResult(note: note)
      result.log = []
      return TestRunOutcome(main: result)
    }
    return await testRun.run()
  }

  private func show(_ result: TestResult, index: Int) {
    let lines = Display.lines(
      result, verbosity: plan.log.verbosity, executeDirectory: context.executeDirectory, guest: context.guest,
      progress: "[\(index + 1)/\(tests.count)]")
    for line in lines { plan.log.line(line, level: 3, minimumVerbosity: 1) }
  }
}
