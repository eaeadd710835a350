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
  /// Holds each discover phase's tests until every guest has finished the phases before it (tmt's queue).
  var barrier: PhaseBarrier?
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
    var execution = self
    execution.context.executeHandle = FileSystem.Directory(context.executeDirectory)
    return await execution.runTests(previous: previous)
  }

  private func runTests(previous: [TestResult]) async -> Outcome {
    let log = plan.log
    log.line("execute", level: 1)
    log.line("how: tmt", level: 2, minimumVerbosity: 1)
    let marker = RunningMarker(context: context).opened()
    defer { marker.remove() }
    let (keep, kept) = keptResults(previous)
    var main = initial(keep)
    var extras = kept
    var outcome = Outcome(results: [])
    begin(main, keep: keep, kept: kept)
    var phase: String?
    var ahead = AheadWindow()
    var recording: Task<Void, Never>?
    for (index, test) in tests.enumerated() {
      await enter(test.phase, after: &phase, recorded: recording)
      if keep[test.serial] != nil { continue }
      if Task.isCancelled {
        outcome.interrupted = true
        break
      }
      log.progress(Display.progress(test.test.name, index: index + 1, count: tests.count))
      let prepared = await ahead.advance(to: index, in: self, keep: keep)
      let run = await runOne(test, marker: marker, prepared: prepared)
      main[index] = run.main
      extras += run.extras
      recording = record(run, index: index, after: recording)
      if run.interrupted { outcome.interrupted = true }
      if let line = stopLine(run, test) {
        log.always("        fail: \(line)")
        break
      }
    }
    await end(ahead, recording: recording)
    outcome.results = main.compactMap { $0 } + extras
    log.line("summary: \(Display.listed(outcome.results.count { $0.result != .pending }, "test")) executed", level: 2)
    return outcome
  }

  /// Puts a finished test's results on the terminal, and on the board (its entries rendered, one journal record,
  /// results.yaml when due) on another thread, after `previous` (the record before it, so the journal keeps the
  /// order): the next test starts meanwhile instead of after the rendering and the writes. The returned task ends
  /// once the record is on the board; execution waits for it before a phase ends and before it returns.
  private func record(_ run: TestRunOutcome, index: Int, after previous: Task<Void, Never>?) -> Task<Void, Never> {
    let (board, slot) = (board, slot)
    let recorded = Task.detached {
      let main = run.main.map(ResultsYAML.entry)
      let extras = run.extras.map(ResultsYAML.entry)
      await previous?.value
      board.finish(slot: slot, index: index, main: main, extras: extras)
    }
    for result in [run.main].compactMap({ $0 }) + run.extras {
      show(result, index: index)
    }
    return recorded
  }

  /// Puts this guest's starting entries on the board. Each entry is rendered once: the journal gets one record per
  /// finished test, results.yaml a rewrite every few seconds from the rendered entries (see ResultsBoard).
  private func begin(_ main: [TestResult?], keep: [Int: TestResult?], kept: [TestResult]) {
    board.begin(slot: slot, entries: main.map { $0.map(ResultsYAML.entry) })
    guard !kept.isEmpty, let index = tests.firstIndex(where: { keep[$0.serial] != nil }) else { return }
    // Results a resumed test kept besides its own (custom/restraint) go after the guest's tests, as before.
    board.finish(
      slot: slot, index: index, main: main[index].map(ResultsYAML.entry), extras: kept.map(ResultsYAML.entry))
  }

  /// After the last test: what was prepared for tests that will not run removed, every record on the board, the
  /// other guests told, the progress line cleared.
  private func end(_ ahead: AheadWindow, recording: Task<Void, Never>?) async {
    await ahead.discard()
    await recording?.value
    await barrier?.leave(slot: slot)
    plan.log.clearProgress()
  }

  /// Moves from discover phase `current` to `phase`: reports the finished one (once its tests' records, `recorded`
  /// the last, are on the board) and waits for the other guests.
  private func enter(_ phase: String, after current: inout String?, recorded: Task<Void, Never>?) async {
    guard phase != current, let barrier else { return }
    await recorded?.value
    if let current { await barrier.finish(current, slot: slot) }
    current = phase
    await barrier.enter(phase)
  }

  /// The results before any test ran: pending, or the earlier result kept (`--failed-only`, or resuming a killed
  /// run; nil where a restraint test's reports replaced its own result).
  private func initial(_ keep: [Int: TestResult?]) -> [TestResult?] {
    let guest = context.resultGuest
    return tests.map { test in
      if let kept = keep[test.serial] { return kept }
      return TestResult.pending(name: test.test.name, serialNumber: test.serial, guest: guest)
    }
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
    if let result = run.main, result.result == .fail || result.result == .error, exitFirst {
      return "Test \(test.test.name) failed, stopping execution."
    }
    return nil
  }

  private func runOne(_ test: DiscoveredTest, marker: RunningMarker, prepared: Ahead.Made?) async -> TestRunOutcome {
    marker.record(test)
    let testRun = prepared?.run ?? TestRun(context: context, test: test)
    if let note = blocked[test.serial] {
      var result = testRun.errorResult(note: note)
      result.log = []
      return TestRunOutcome(main: result)
    }
    return await testRun.run(prepared: prepared?.prepared)
  }

  /// tmt's `-v` lines; at default verbosity the test's line with the reasons of a failing one under it (on a
  /// terminal, where the progress line shows the rest, only failing tests).
  private func show(_ result: TestResult, index: Int) {
    let log = plan.log
    let progress = "[\(index + 1)/\(tests.count)]"
    let lines: [String]
    if log.verbosity > 0 {
      lines = Display.lines(
        result, verbosity: log.verbosity, executeDirectory: context.executeDirectory, guest: context.guest,
        progress: progress)
    } else if !log.showsProgress || Display.failing.contains(result.result) {
      lines = Display.finishedLines(result, guest: context.guest, progress: progress)
    } else {
      lines = []
    }
    for line in lines { log.line(line, level: 3) }
  }
}
