import Executors
import HPCBasics
import Reporting
public import TMTModel

/// What running one test produced.
package struct TestRunOutcome: Sendable {
  /// The test's own result (nil for `result: restraint`, whose reports replace it).
  package var main: TestResult?
  /// Results appended at the end of results.yaml (custom sub-results, restraint reports).
  package var extras: [TestResult] = []
  /// Set when execution must stop after this test (abort, interrupt), with tmt's message.
  package var stop: String?
  /// True when hpctest was interrupted while the test ran.
  package var interrupted = false
}

/// Facts gathered while a test ran, before interpretation.
struct TestFacts {
  var status: ProcessOutcome?
  var spawnError: String?
  var restartsExhausted = false
  var restartMax = 1
  var start = Timestamp.now()
  var end = Timestamp.now()
  var checks: [CheckResult] = []
  var durationText = "5m"
  /// The invocation directory, open.
  var directory: FileSystem.Directory?
  /// True when the directory was made for this run with its provisional files (`TestRun+Provisional.swift`).
  var provisional = false
}

/// Runs one discovered test on its guest (this machine, or over SSH with its directory copied there and back): directories, environment, duration, restarts, checks, and the
/// result as tmt would record it.
package struct TestRun: Sendable {
  /// The plan's shared context.
  package let context: PlanContext
  /// The test.
  package let test: DiscoveredTest
  /// The invocation directory relative to the execute directory, and absolute (derived once: every file of the
  /// test is under it).
  let relative: String, invocation: String

  /// Creates the run.
  package init(context: PlanContext, test: DiscoveredTest) {
    self.context = context
    self.test = test
    relative = context.invocationPath(test)
    invocation = context.executeDirectory + "/" + relative
  }

  var data: String { invocation + "/data" }
  var output: String { invocation + "/output.txt" }

  /// The test's directory and files, made before its run (`Execution` makes the next test's while one runs).
  package struct Prepared: Sendable {
    /// The invocation directory, open.
    let directory: FileSystem.Directory
    /// True when this made the directory (it did not exist before).
    let fresh: Bool
    /// The first attempt's start, prepared by the executor (`prestarting`).
    var prestarted: PrestartedInvocation?
  }

  /// `prepared` with the first attempt's start prepared by the executor, while an earlier test runs: for a local
  /// contained run, its supervisor and the program's child wait, set up, so the test starts at once when it runs. The
  /// invocation is made again when the test runs, and the prepared start used only if it is the same (a test may
  /// have changed `TMT_PLAN_ENVIRONMENT_FILE` meanwhile), else discarded.
  func prestarting(_ prepared: Prepared) -> Prepared {
    guard prepared.prestarted == nil, let durationText, TMTDuration.seconds(durationText) != nil else {
      return prepared
    }
    var prestarting = prepared
    prestarting.prestarted = context.executor.prestart(attemptInvocation(directory: prepared.directory))
    return prestarting
  }

  /// Ends a prepared start that will not be used.
  func discard(_ prestarted: PrestartedInvocation?) async {
    if let prestarted { await context.executor.discard(prestarted) }
  }

  /// Makes the test's directories and files (with the provisional ones in a new directory); nil when they cannot
  /// be made (`run` then records the error).
  func prepare() -> Prepared? {
    let fresh = !FileSystem.exists(invocation)
    guard let directory = prepareDirectories() else { return nil }
    if fresh { makeProvisional(in: directory) }
    return Prepared(directory: directory, fresh: fresh)
  }

  /// Removes what `prepare` made for a test that did not run after all (execution stopped before it); a directory
  /// that was there before (a resumed run) stays.
  func discard(_ prepared: Prepared) async {
    await discard(prepared.prestarted)
    if prepared.fresh { FileSystem.removeTree(invocation) }
  }

  /// Runs the test and interprets what happened, in the directory `prepared` made when given.
  package func run(prepared: Prepared? = nil) async -> TestRunOutcome {
    guard let made = prepared ?? prepare() else {
      return TestRunOutcome(main: errorResult(note: "cannot create '\(invocation)'"))
    }
    var facts = TestFacts(directory: made.directory, provisional: made.fresh)
    guard let durationText = durationText else {
      await discard(made.prestarted)
      return notRun(facts, "'duration' must be a string like '5m', got a \(durationKind)")
    }
    facts.durationText = durationText
    guard let limit = TMTDuration.seconds(durationText) else {
      await discard(made.prestarted)
      return notRun(facts, TMTDuration.invalidMessage(durationText))
    }
    let checks = TestChecks(test: test.test, directory: invocation + "/checks", relative: relative + "/checks")
    facts.checks += await checks.before()
    if let error = await context.executor.push([invocation]) {
      await discard(made.prestarted)
      return notRun(facts, error.message)
    }
    await attempts(limit: limit, facts: &facts, prestarted: made.prestarted)
    if let error = await context.executor.pull([invocation, context.planData]), facts.spawnError == nil {
      facts.spawnError = error.message
      facts.status = nil
    }
    facts.checks += await checks.after()
    return interpret(facts)
  }

  /// The `duration` as text (`5m` when absent or null); nil when it is a list or mapping, which tmt rejects.
  private var durationText: String? {
    guard let node = test.test.duration else { return "5m" }
    if case .null = node.value { return "5m" }
    return node.scalarText
  }

  /// The YAML kind of a non-scalar `duration` (tmt's schema allows only a string).
  private var durationKind: String {
    switch test.test.duration?.value {
    case .sequence: "list"
    case .mapping: "mapping"
    default: "non-scalar value"
    }
  }

  /// Makes the test's directories and files through one descriptor of the invocation directory (walked to from the
  /// execute directory held open for the step, else from `/`); nil for a derived directory that is not under the
  /// run, or one that cannot be made.
  private func prepareDirectories() -> FileSystem.Directory? {
    guard Path.isInside(invocation, context.run.path),
      let directory = context.executeHandle?.descendant(relative, create: true)
        ?? FileSystem.Directory(invocation, create: true),
      directory.subdirectory("data") != nil
    else { return nil }
    if !test.test.check.isEmpty && directory.subdirectory("checks") == nil { return nil }
    directory.write("metadata.yaml", TestFiles.metadata(test.test, context: context))
    let topology = TestFiles.topology(guest: context.guest, guests: context.topology)
    directory.write("tmt-test-topology.yaml", topology.yaml)
    directory.write("tmt-test-topology.sh", topology.bash)
    return directory
  }

  /// Runs the test, again while it exits with a `restart-on-exit-code` code and restarts remain; the duration
  /// budget is shared by all attempts.
  private func attempts(limit: Int, facts: inout TestFacts, prestarted: PrestartedInvocation?) async {
    let maxRestarts = min(10, test.test.restartMaxCount?.scalarText.flatMap { Int($0) } ?? 1)
    facts.restartMax = maxRestarts
    let budgetEnd = ContinuousClock.now + .seconds(limit)
    var restart = 0
    var prestarted = prestarted
    while true {
      facts.start = Timestamp.now()
      let remaining = budgetEnd - ContinuousClock.now
      var invocation = attemptInvocation(directory: facts.directory, restart: restart)
      invocation.timeout = context.options.ignoreDuration ? nil : max(remaining, .zero)
      let result = await run(invocation, prestarted: prestarted)
      prestarted = nil
      facts.end = Timestamp.now()
      switch result {
      case .failure(let error):
        facts.spawnError = error.message
        return
      case .success(let status):
        facts.status = status
        let code = status.shellStatus
        guard !status.timedOut, !status.cancelled, test.test.restartOnExitCode.contains(Int(code)) else { return }
        if restart >= maxRestarts {
          facts.restartsExhausted = true
          return
        }
        restart += 1
      }
    }
  }

  /// The invocation of attempt `restart` (no timeout: the caller sets what is left of the duration).
  private func attemptInvocation(directory: FileSystem.Directory?, restart: Int = 0) -> Invocation {
    var invocation = Invocation(
      argv: ["/bin/bash", "-c", "set -eo pipefail\n" + test.test.test],
      environment: TestEnvironment.build(test, context: context, restart: restart),
      workingDirectory: workingDirectory, outputPath: output, timeout: nil, killGrace: .seconds(1))
    invocation.outputDirectory = directory
    return invocation
  }

  /// Runs `invocation`: through the prepared start when it was prepared for the same invocation, else anew.
  private func run(_ invocation: Invocation, prestarted: PrestartedInvocation?) async -> Result<
    ProcessOutcome, ExecutorError
  > {
    guard let prestarted else { return await context.executor.run(invocation) }
    var prepared = prestarted.invocation
    prepared.timeout = invocation.timeout
    guard prepared == invocation else {
      await context.executor.discard(prestarted)
      return await context.executor.run(invocation)
    }
    return await context.executor.run(prestarted, timeout: invocation.timeout)
  }

  /// The directory the test runs in: its `path` under its tree.
  var workingDirectory: String {
    guard let path = test.test.path, !path.isEmpty, path != "/" else { return test.treeRoot }
    return test.treeRoot + (path.hasPrefix("/") ? path : "/" + path)
  }
}
