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
    let tests: [DiscoveredTest]
    do { tests = try discover() } catch {
      outcome.failure = error
      return outcome
    }
    var results = tests.map { TestResult.pending(name: $0.test.name, serialNumber: $0.serial) }
    if options.runs(.execute) { save(results) }
    do throws(Diagnostic) {
      try provision()
      if let unmet = hardware(context.plan), !options.ignoreHardware {
        results = skipAll(tests, note: unmet)
        save(results)
      } else {
        let blocked = try await prepare(tests)
        if options.runs(.execute) {
          let execution = await Execution(plan: self, tests: tests, blocked: blocked).run(previous: previous)
          results = execution.results
          outcome.interrupted = execution.interrupted
        } else if options.runs(.report) {
          results = storedResults() ?? results
        }
      }
      try await finish()
    } catch {
      outcome.failure = error
    }
    outcome.results = results
    return outcome
  }

  private func discover() throws(Diagnostic) -> [DiscoveredTest] {
    log.line("discover", level: 1)
    let tests = try discovery.discover(context.plan)
    log.line("summary: \(Display.listed(tests.count, "test")) selected", level: 2)
    for test in tests { log.line(test.test.name, level: 3, minimumVerbosity: 1) }
    if tests.isEmpty { log.warning("No tests found, finishing plan.") }
    return tests
  }

  private func provision() throws(Diagnostic) {
    guard options.runs(.provision) || options.runs(.execute) else { return }
    log.line("provision", level: 1)
    let phase = context.plan.phases(.provision).first
    // A plan without `provision` gets tmt's default `virtual`; hpctest runs such plans on this machine.
    let defaulted = phase.map { $0.how == "virtual" && $0["how"]?.location == nil } ?? true
    let how = options.provisionHow ?? (defaulted ? "local" : phase?.how ?? "local")
    let supported = ["local"]
    if !supported.contains(how) {
      throw .error(
        "provision method '\(how)' is not supported yet (only 'local'); run with '-a provision -h local'",
        keyPath: "\(context.plan.name):provision")
    }
    log.line("how: local", level: 2, minimumVerbosity: 1)
    log.line("summary: 1 guest provisioned", level: 2, minimumVerbosity: 1)
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

  /// Writes results.yaml atomically.
  func save(_ results: [TestResult]) { save(text: ResultsYAML.render(results)) }

  /// Writes results.yaml atomically from rendered text.
  func save(text: String, durable: Bool = true) {
    FileSystem.writeAtomically(context.resultsFile, text, durable: durable)
  }

  /// The plan's results.yaml from an earlier run, nil when missing or unreadable.
  func storedResults() -> [TestResult]? {
    guard let text = FileSystem.readText(context.resultsFile) else { return nil }
    return try? ResultsYAML.read(text, file: context.resultsFile)
  }
}

/// Decides whether this machine meets a plan's `provision: hardware:` requirements: nil when it does (or nothing
/// is required), else a note naming the unmet requirement.
package typealias HardwareGate = @Sendable (TMTPlan) -> String?
