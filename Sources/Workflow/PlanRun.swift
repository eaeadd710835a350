import HPCBasics
import Reporting
public import TMTModel

/// What one plan produced.
package struct PlanOutcome: Sendable {
  /// The plan name.
  package var name: String
  /// Its results in results.yaml order.
  package var results: [TestResult]
  /// `<plan>/execute`.
  package var executeDirectory: String
  /// A problem that stopped the plan (tmt's exception: exit 2).
  package var failure: Diagnostic?
  /// True when the run was interrupted during this plan.
  package var interrupted = false
}

/// Runs the steps of one plan: discover, provision, prepare, execute, report, finish.
package struct PlanRun: Sendable {
  /// The plan's context.
  package var context: PlanContext
  /// The discover step.
  package var discovery: Discovery
  /// Progress output.
  package var log: RunLog
  /// Why the plan's hardware requirements are unmet (nil: met, or not checked).
  package var hardware: HardwareGate

  /// Creates the run.
  package init(context: PlanContext, discovery: Discovery, log: RunLog, hardware: @escaping HardwareGate) {
    self.context = context
    self.discovery = discovery
    self.log = log
    self.hardware = hardware
  }

  var options: RunOptions { context.options }

  /// Runs the enabled steps.
  package func run(previous: [TestResult] = []) async -> PlanOutcome {
    var outcome = PlanOutcome(name: context.plan.name, results: [], executeDirectory: context.executeDirectory)
    log.line(context.plan.name)
    guard context.createDirectories() else {
      outcome.failure = .error("cannot create '\(context.planDirectory)'")
      return outcome
    }
    StepStatus.start(context.planDirectory)
    let tests: [DiscoveredTest]
    do { tests = try discover() } catch {
      outcome.failure = error
      return outcome
    }
    markDone(.discover)
    let recovered = options.again ? nil : recoverKilled()
    var results = startingResults(tests, recovered: recovered)
    var guests: [GuestRun] = []
    do throws(Diagnostic) {
      guests = try await provision(tests)
      if let unmet = hardware(context.plan), !options.ignoreHardware, !guests.contains(where: \.context.remote) {
        results = skipAll(tests, note: unmet)
        save(results)
      } else {
        markDone(.provision)
        let blocked = try await prepare(tests, guests: guests)
        markDone(.prepare)
        outcome.interrupted = await executeStep(
          guests, blocked: blocked, results: &results, recovered: recovered, previous: previous)
      }
      try await finish(guests)
      if !outcome.interrupted { markDone(.finish) }
    } catch {
      outcome.failure = error
    }
    await releaseGuests(guests)
    outcome.results = results
    return outcome
  }

  /// The execute step (or, when only report runs, the stored results) into `results`; true when it was interrupted.
  private func executeStep(
    _ guests: [GuestRun], blocked: [Int: String], results: inout [TestResult], recovered: [TestResult]?,
    previous: [TestResult]
  ) async -> Bool {
    guard options.runs(.execute) else {
      if options.runs(.report) { results = storedResults() ?? results }
      return false
    }
    results = []  // 10,000 pending results need not live through the step: execute returns them all
    let execution = await execute(guests, blocked: blocked, previous: recovered ?? previous, resuming: recovered != nil)
    results = execution.results
    if !execution.interrupted { markDone(.execute) }
    return execution.interrupted
  }

  /// The results before provisioning: a killed run's recovered ones, else every test `pending`; written (with a
  /// fresh journal) when execute runs or a killed run was recovered.
  private func startingResults(_ tests: [DiscoveredTest], recovered: [TestResult]?) -> [TestResult] {
    let results = recovered ?? tests.map { TestResult.pending(name: $0.test.name, serialNumber: $0.serial) }
    if options.runs(.execute) || recovered != nil {
      ResultsJournal.discard(executeDirectory: context.executeDirectory)
      save(results)
    }
    return results
  }

  /// Records `step` as done when it was enabled.
  func markDone(_ step: RunStep) {
    if options.runs(step) { StepStatus.done(context.planDirectory, step) }
  }

  private func discover() throws(Diagnostic) -> [DiscoveredTest] {
    log.line("discover", level: 1)
    let tests = try discovery.discover(context.plan)
    log.line("summary: \(Display.listed(tests.count, "test")) selected", level: 2)
    for test in tests { log.line(test.test.name, level: 3, minimumVerbosity: 1) }
    if tests.isEmpty { log.warning("No tests found, finishing plan.") }
    return tests
  }

  /// The guests: every provision phase (one guest each), or this machine when the provision step is skipped.
  private func provision(_ tests: [DiscoveredTest]) async throws(Diagnostic) -> [GuestRun] {
    guard options.runs(.provision) || options.runs(.execute) else {
      return [GuestRun(context: context, tests: tests)]
    }
    log.line("provision", level: 1)
    return try await provisionGuests(tests)
  }

  /// Runs the tests on every guest, the guests concurrently, one discover phase after another (as tmt queues them:
  /// a phase's tests start on its guests once every guest has finished the phases before it); results.yaml holds
  /// every guest's results, in the end ordered as tmt orders them: by serial number, then by guest in provision
  /// order. `resuming`: continuing a run hpctest was killed in.
  private func execute(_ guests: [GuestRun], blocked: [Int: String], previous: [TestResult], resuming: Bool)
    async -> Execution.Outcome
  {
    let journal = context.executeDirectory + "/" + ResultsJournal.fileName
    let board = ResultsBoard(guests: guests.count, journal: journal, interval: options.resultsInterval) {
      [file = context.resultsFile] parts in FileSystem.writeAtomically(file, durable: false, parts: parts)
    }
    defer { board.close() }
    let barrier = PhaseBarrier(
      order: context.plan.phases(.discover).map(\.name),
      phases: Dictionary(uniqueKeysWithValues: guests.enumerated().map { ($0.offset, $0.element.tests.map(\.phase)) }))
    var outcomes = Array(repeating: Execution.Outcome(results: []), count: guests.count)
    await withTaskGroup(of: (Int, Execution.Outcome).self) { group in
      for (slot, guest) in guests.enumerated() {
        group.addTask {
          var execution = Execution(plan: self, tests: guest.tests, blocked: blocked, board: board)
          execution.context = guest.context
          execution.slot = slot
          execution.barrier = guests.count > 1 ? barrier : nil
          execution.resuming = resuming
          return (slot, await execution.run(previous: previous.filter { $0.guest.name == guest.context.guest }))
        }
      }
      for await (slot, outcome) in group { outcomes[slot] = outcome }
    }
    var total = Execution.Outcome(results: [], interrupted: outcomes.contains { $0.interrupted })
    guard guests.count > 1 else {
      total.results = outcomes.first?.results ?? []
      save(total.results)
      return total
    }
    let indexed = outcomes.enumerated().flatMap { slot, outcome in outcome.results.map { (slot, $0) } }
    total.results = indexed.enumerated().sorted { a, b in
      (a.element.1.serialNumber, a.element.0, a.offset) < (b.element.1.serialNumber, b.element.0, b.offset)
    }.map(\.element.1)
    save(total.results)
    return total
  }

  private func skipAll(_ tests: [DiscoveredTest], note: String) -> [TestResult] {
    log.warning("hardware requirements not met, tests skipped: \(note)")
    return tests.map { test in
      var result = TestResult.pending(name: test.test.name, serialNumber: test.serial)
      result.result = .skip
      result.originalResult = .skip
      result.note = [note]
      return result
    }
  }

  /// Writes results.yaml atomically and durably, entry by entry (never the whole text in memory).
  func save(_ results: [TestResult]) { ResultsYAML.write(results, to: context.resultsFile) }

  /// The earlier results of a run hpctest was killed in (its run `RunningMarker` is stale), with the test that was
  /// running made `error` ("hpctest was killed"); nil when the run was not killed or this plan has no results.
  func recoverKilled() -> [TestResult]? {
    guard context.run.continuesKilledRun, let stored = storedResults() else { return nil }
    return RunningMarker.recover(stored, executeDirectory: context.executeDirectory)
  }

  /// The plan's results.yaml from an earlier run (first rebuilt from its journal when that run was killed during
  /// the execute step), nil when missing or unreadable.
  func storedResults() -> [TestResult]? {
    ResultsJournal.recover(executeDirectory: context.executeDirectory)
    guard let text = FileSystem.readText(context.resultsFile) else { return nil }
    return try? ResultsYAML.read(text, file: context.resultsFile)
  }
}

/// Decides whether this machine meets a plan's `provision: hardware:` requirements: nil when it does (or nothing
/// is required), else a note naming the unmet requirement.
package typealias HardwareGate = @Sendable (TMTPlan) -> String?
