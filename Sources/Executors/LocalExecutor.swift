import HPCBasics
internal import Subprocess
internal import Synchronization
internal import SystemPackage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Runs an invocation on this machine in a new session (process group id = pid), stdin `/dev/null`,
/// stdout+stderr appended to the output file. At the timeout, or when the calling task is cancelled, the whole
/// process group gets SIGTERM, then SIGKILL after the grace period; members left behind after the main process exits
/// are killed too, so a test that leaves children behind never hangs the run. With `Containment.everything` the
/// same holds for every process the invocation starts, in any group or session, and when hpctest is killed
/// (`LocalExecutor+Supervised.swift`).
package struct LocalExecutor: InvocationExecutor {
  /// How far teardown reaches.
  package var containment: Containment
  /// Whether a contained invocation's supervisor may be the `hpctest-guard` program (false: always a fork).
  package var supervisorProgram: Bool

  /// Creates the executor (`processGroup` by default: hpctest's own helpers).
  package init(containment: Containment = .processGroup, supervisorProgram: Bool = true) {
    self.containment = containment
    self.supervisorProgram = supervisorProgram
  }

  /// Runs `invocation` to completion, timeout or cancellation.
  package func run(_ invocation: Invocation) async -> Result<ProcessOutcome, ExecutorError> {
    guard !invocation.argv.isEmpty else { return .failure(ExecutorError("empty command line")) }
    let fd = Self.openOutput(invocation)
    guard fd >= 0 else {
      return .failure(ExecutorError("cannot open '\(invocation.outputPath)': \(String(cString: strerror(errno)))"))
    }
    if case .everything(let mechanism) = containment {
      defer { close(fd) }
      return await SupervisedRun(
        invocation: invocation, outputFD: fd, mechanism: mechanism, useProgram: supervisorProgram
      ).run()
    }
    let box = ProcessBox()
    let result = await withTaskGroup(of: Race.self) { group in
      group.addTask {
        let finished = await Self.spawn(invocation, fd: fd, box: box)
        close(fd)
        return .finished(finished)
      }
      if let timeout = invocation.timeout {
        group.addTask {
          guard (try? await Task.sleep(for: timeout)) != nil else { return .cancelledTimer }
          await box.tearDown(grace: invocation.killGrace, timedOut: true)
          return .timerFired
        }
      }
      var outcome: Result<ProcessOutcome, ExecutorError> = .failure(ExecutorError("process did not finish"))
      for await race in group {
        if case .finished(let finished) = race {
          outcome = finished
          group.cancelAll()
        }
      }
      return outcome
    }
    box.killRemainingGroup()
    return result.map { box.annotate($0, cancelled: Task.isCancelled) }
  }

  /// With `Containment.everything` and the guard program: the supervisor started, waiting to start the program
  /// (`SupervisedRun.Waiting`); otherwise nil.
  package func prestart(_ invocation: Invocation) -> PrestartedInvocation? {
    guard case .everything(let mechanism) = containment, supervisorProgram, !invocation.argv.isEmpty else {
      return nil
    }
    let fd = Self.openOutput(invocation)
    guard fd >= 0 else { return nil }
    defer { close(fd) }  // the supervisor has its own copy
    var run = SupervisedRun(invocation: invocation, outputFD: fd, mechanism: mechanism, useProgram: true)
    guard let waiting = run.startWaiting() else { return nil }
    run.outputFD = -1  // set again when it runs
    return PrestartedInvocation(invocation: invocation, waiting: waiting, run: run)
  }

  /// Starts the prestarted invocation's program and runs it to completion, timeout or cancellation; when its
  /// supervisor is gone, the invocation runs anew.
  package func run(_ prestarted: PrestartedInvocation, timeout: Duration?) async -> Result<
    ProcessOutcome, ExecutorError
  > {
    var run = prestarted.run
    run.invocation.timeout = timeout
    let fd = Self.openOutput(run.invocation)  // for a start again another way (`SupervisedRun.supervise`)
    guard fd >= 0 else {
      await discard(prestarted)
      return await self.run(run.invocation)
    }
    defer { close(fd) }
    run.outputFD = fd
    if let result = await run.run(prestarted.waiting) { return result }
    return await self.run(run.invocation)
  }

  /// The invocation's output file opened for appending (in its open directory when it has one); -1 on failure.
  private static func openOutput(_ invocation: Invocation) -> Int32 {
    invocation.outputDirectory?.openForAppend(Path.basename(invocation.outputPath))
      ?? FileSystem.openForAppend(invocation.outputPath)
  }

  /// Ends the prestarted invocation's supervisor without starting the program.
  package func discard(_ prestarted: PrestartedInvocation) async {
    await SupervisedRun.discard(prestarted.waiting)
  }

  private enum Race: Sendable {
    case finished(Result<ProcessOutcome, ExecutorError>)
    case timerFired, cancelledTimer
  }

  private static func spawn(_ invocation: Invocation, fd: Int32, box: ProcessBox) async -> Result<
    ProcessOutcome, ExecutorError
  > {
    var options = PlatformOptions()
    options.createSession = true
    options.teardownSequence = [
      .send(signal: .terminate, toProcessGroup: true, allowedDurationToNextStep: invocation.killGrace)
    ]
    var environment: [Environment.Key: String] = [:]
    for (key, value) in invocation.environment {
      guard let name = Environment.Key(rawValue: key) else { continue }
      environment[name] = value
    }
    do {
      let result = try await Subprocess.run(
        executable(invocation.argv[0]), arguments: Arguments(Array(invocation.argv.dropFirst())),
        environment: .custom(environment), workingDirectory: FilePath(invocation.workingDirectory),
        platformOptions: options, input: .none,
        output: .fileDescriptor(FileDescriptor(rawValue: fd), closeAfterSpawningProcess: false),
        error: .combinedWithOutput
      ) { execution in
        box.started(execution.processIdentifier.value)
      }
      return .success(ProcessOutcome(termination: termination(result.terminationStatus)))
    } catch {
      return .failure(ExecutorError("cannot run '\(invocation.argv[0])' in '\(invocation.workingDirectory)': \(error)"))
    }
  }

  private static func executable(_ program: String) -> Executable {
    program.contains("/") ? .path(FilePath(program)) : .name(program)
  }

  private static func termination(_ status: TerminationStatus) -> ProcessOutcome.Termination {
    switch status {
    case .exited(let code): .exited(code)
    case .signaled(let signal): .signaled(signal)
    }
  }
}

/// The process id of the running invocation, shared by the timer and the spawner.
private final class ProcessBox: Sendable {
  private let state = Mutex<(pid: Int32, timedOut: Bool)>((0, false))

  var pid: Int32 { state.withLock { $0.pid } }

  func started(_ pid: Int32) { state.withLock { $0.pid = pid } }

  /// SIGTERM to the group, then SIGKILL after `grace` (uncancellable: teardown must finish).
  func tearDown(grace: Duration, timedOut: Bool) async {
    let pid = state.withLock { value -> Int32 in
      if timedOut { value.timedOut = true }
      return value.pid
    }
    guard pid > 0, kill(-pid, SIGTERM) == 0 else { return }
    let deadline = ContinuousClock.now + grace
    while ContinuousClock.now < deadline && kill(-pid, 0) == 0 && !Task.isCancelled {
      try? await Task.sleep(for: .milliseconds(20))
    }
    kill(-pid, SIGKILL)
  }

  /// Kills whatever is left of the group after the main process exited.
  func killRemainingGroup() {
    let pid = self.pid
    if pid > 0 { kill(-pid, SIGKILL) }
  }

  func annotate(_ outcome: ProcessOutcome, cancelled: Bool) -> ProcessOutcome {
    var outcome = outcome
    outcome.processID = pid
    outcome.timedOut = state.withLock { $0.timedOut }
    outcome.cancelled = cancelled
    return outcome
  }
}
