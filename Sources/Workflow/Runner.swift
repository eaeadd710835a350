public import HPCBasics
import Reporting
public import TMTModel

/// A whole `hpctest run`: the run directory, every selected plan in turn, reports, and tmt's exit code.
/// SIGINT/SIGTERM cancel the run: the running test's process group is torn down, it is reported `error`
/// (interrupted), the rest stay `pending`, results and reports are written, and the exit code is 1.
package struct Runner: Sendable {
  /// Every test of the tree.
  package var tests: [TMTTest]
  /// Every plan of the tree.
  package var plans: [TMTPlan]
  /// The tree root.
  package var root: String
  /// Options.
  package var options: RunOptions
  /// Loads the tests of another tree (discover `path:`).
  package var loader: Discovery.TreeLoader
  /// Hardware requirement check.
  package var hardware: HardwareGate
  /// Output.
  package var log: RunLog

  /// Creates the runner.
  package init(
    tests: [TMTTest], plans: [TMTPlan], root: String, options: RunOptions, log: RunLog,
    loader: @escaping Discovery.TreeLoader, hardware: @escaping HardwareGate = { _ in nil }
  ) {
    self.tests = tests
    self.plans = plans
    self.root = root
    self.options = options
    self.log = log
    self.loader = loader
    self.hardware = hardware
  }

  /// Runs and returns the exit code.
  package func run() async -> Int32 {
    // tmt: a plan selection that matches nothing is a GeneralError (exit 2), before anything runs.
    if selectedPlans().isEmpty {
      log.always("No plans found.")
      return 2
    }
    if options.dry { return dryRun() }
    let problems = options.runs(.execute) ? RunPreflight.problems(plans: selectedPlans(), options: options) : []
    guard problems.isEmpty else {
      for problem in problems { log.always(problem.description) }
      return 2
    }
    var prepared: RunDirectory
    do { prepared = try RunDirectory.prepare(options) } catch {
      log.always(error.description)
      return 2
    }
    let marker = RunningMarker(run: prepared)
    prepared.continuesKilledRun = prepared.reopened && !options.again && marker.isStale
    let directory = prepared
    if options.runs(.execute) { marker.record(nil) }
    defer { if options.runs(.execute) { marker.remove() } }
    log.always(directory.path)
    guard HelperScripts.install(into: directory.scripts) else {
      log.error("cannot write the helper scripts into '\(directory.scripts)'")
      return 2
    }
    directory.recordAsLast(root: options.workdirRoot)
    RunRecord(options: options, root: root, plans: selectedPlans().map(\.name)).write(in: directory.path)
    if sweepsSlurm {
      let code = await withInterruption { await SlurmSweep(runner: self).run(in: directory) }
      if options.remove { FileSystem.removeTree(directory.path) }
      return code
    }
    let outcomes = await withInterruption { await runPlans(in: directory) }
    let code = finish(outcomes, directory: directory)
    if options.remove { FileSystem.removeTree(directory.path) }
    return code
  }

  /// True for `provision -h slurm`, or, without `-h`, when a selected plan provisions with `how: slurm`.
  private var sweepsSlurm: Bool {
    if let how = options.provisionHow { return how == "slurm" }
    return selectedPlans().contains { $0.phases(.provision).first?.how == "slurm" }
  }

  private func runPlans(in directory: RunDirectory) async -> [PlanOutcome] {
    var outcomes: [PlanOutcome] = []
    let runID = String(Timestamp.now().seconds)
    for plan in selectedPlans() {
      let context = PlanContext(plan: plan, run: directory, options: options, runID: runID)
      let discovery = Discovery(tests: tests, root: root, options: options, loader: loader)
      let planRun = PlanRun(context: context, discovery: discovery, log: log, hardware: hardware)
      let previous = options.again ? planRun.storedResults() ?? [] : []
      var outcome = await planRun.run(previous: previous)
      if let failure = outcome.failure { log.always(failure.description) }
      outcome.results = outcome.results.isEmpty && outcome.failure == nil ? [] : outcome.results
      outcomes.append(outcome)
      if outcome.interrupted || Task.isCancelled { break }
    }
    return outcomes
  }

  /// Runs `body`, cancelling it on the first SIGINT or SIGTERM.
  private func withInterruption<T: Sendable>(_ body: @escaping @Sendable () async -> T) async -> T {
    await Interruption.run(onSignal: { [log] in log.always("Interrupted, stopping the running test.") }, body)
  }
}
