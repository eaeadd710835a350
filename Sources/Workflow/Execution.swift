import HPCBasics
import Reporting
import TMTModel

/// The execute step of one plan on one guest: tests one after another, results.yaml rewritten atomically (write +
/// rename, through the plan's `ResultsBoard`) after every test and durably (fsync) by the plan at the end, a display line per finished test, stopping on abort, interrupt or
/// (`-x`) the first fail or error.
struct Execution {
  var plan: PlanRun
  var tests: [DiscoveredTest]
  /// Tests that must not run, with the note why (missing required packages).
  var blocked: [Int: String]
  /// The guest the tests run on.
  var context: PlanContext
  /// results.yaml, shared with the executions on the plan's other guests.
  var board: ResultsBoard
  /// This guest's slot on the board.
  var slot = 0
  /// True when continuing a run hpctest was killed in: every earlier result that is not `pending` is kept.
  var resuming = false

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
    let guest = context.resultGuest
    let (keep, kept) = keptResults(previous)
    var main: [TestResult?] = tests.map {
      keep[$0.serial] ?? TestResult.pending(name: $0.test.name, serialNumber: $0.serial, guest: guest)
    }
    var extras = kept
    var outcome = Outcome(results: [])
    // results.yaml is rewritten after every test, so a crash keeps every finished result: keep each entry's text and
    // render only what changed; skip the fsync until the end (a process crash cannot lose a renamed file).
    var mainTexts = main.map { $0.map(ResultsYAML.entry) }
    var extraTexts = extras.map(ResultsYAML.entry)
    board.update(slot: slot, entries: mainTexts.compactMap { $0 } + extraTexts)
    defer { RunningMarker(context: context).remove() }
    for (index, test) in tests.enumerated() {
      if keep[test.serial] != nil { continue }
      if Task.isCancelled {
        outcome.interrupted = true
        break
      }
      let run = await runOne(test)
      main[index] = run.main
      extras += run.extras
      mainTexts[index] = run.main.map(ResultsYAML.entry)
      extraTexts += run.extras.map(ResultsYAML.entry)
      board.update(slot: slot, entries: mainTexts.compactMap { $0 } + extraTexts)
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
    board.update(slot: slot, entries: outcome.results.map(ResultsYAML.entry))
    let executed = outcome.results.filter { $0.result != .pending }.count
    log.line("summary: \(Display.listed(executed, "test")) executed", level: 2)
    return outcome
  }

  /// The tests that keep an earlier result instead of running, by serial number (nil: a restraint test whose
  /// reports replaced its own result), and the earlier custom/restraint results kept with them. With
  /// `--failed-only`, the pass and info results (first one of a serial number and name wins); when resuming a
  /// killed run, every test with a result that is not `pending` (`ResumedResults`).
  private func keptResults(_ previous: [TestResult]) -> ([Int: TestResult?], [TestResult]) {
    if resuming {
      let resumed = ResumedResults(previous: previous, tests: tests)
      return (Dictionary(uniqueKeysWithValues: resumed.done.map { ($0, resumed.mains[$0]) }), resumed.extras)
    }
    guard plan.options.failedOnly else { return ([:], []) }
    let names = Dictionary(tests.map { ($0.serial, $0.test.name) }, uniquingKeysWith: { first, _ in first })
    var kept: [Int: TestResult?] = [:]
    for result in previous where kept[result.serialNumber] == nil && names[result.serialNumber] == result.name {
      kept[result.serialNumber] = result
    }
    return (kept.filter { $0.value?.result == .pass || $0.value?.result == .info }, [])
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
    RunningMarker(context: context).record(test)
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
