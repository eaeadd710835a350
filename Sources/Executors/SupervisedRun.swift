/// One invocation under `Containment.everything`. The C shim forks a supervisor (a child subreaper in its own
/// session) that starts the program in a session of its own, inside a fresh cgroup v2 when one can be created
/// here. The supervisor owns the teardown: when the program exits it SIGKILLs whatever is left; on SIGTERM (sent
/// here at the timeout or on cancellation) every process of the test gets SIGTERM, then SIGKILL after the grace
/// period; when hpctest dies it SIGKILLs everything at once. This side polls the supervisor (1 ms, doubling to
/// 20 ms), and removes the cgroup when it is done.
struct SupervisedRun {
  var invocation: Invocation
  var outputFD: Int32
  var mechanism: Containment.Mechanism

  /// What the wait saw.
  private struct Watch {
    var report: ProcessControl.StartReport?
    var timedOut = false
    var cancelled = false
  }

  /// Runs the invocation to its end, timeout or cancellation.
  func run() async -> Result<ProcessOutcome, ExecutorError> {
    guard let path = ProcessControl.resolve(invocation.argv[0], path: invocation.environment["PATH"]) else {
      return .failure(failure("command not found"))
    }
    let cgroup = mechanism == .cgroup ? CgroupTree.current?.create() : nil
    let supervisor: ProcessControl.Supervisor
    switch ProcessControl.spawn(path: path, invocation: invocation, outputFD: outputFD, cgroup: cgroup) {
    case .success(let started): supervisor = started
    case .failure(let error):
      if let cgroup { await CgroupTree.remove(cgroup) }
      return .failure(failure(error.message))
    }
    var watch = Watch()
    let termination = await wait(supervisor, &watch)
    if watch.report == nil { ProcessControl.closeReport(supervisor) }
    if let cgroup { await CgroupTree.remove(cgroup) }
    guard let report = watch.report else { return .failure(failure("its supervisor ended before starting it")) }
    if report.stage == 1 && mechanism == .cgroup {  // the cgroup could be made but not joined: no cgroup then
      return await SupervisedRun(invocation: invocation, outputFD: outputFD, mechanism: .subreaper).run()
    }
    guard report.stage == 0 else { return .failure(failure(Self.stageText(report, cgroup: cgroup))) }
    var outcome = ProcessOutcome(
      termination: termination, timedOut: watch.timedOut, cancelled: watch.cancelled, processID: report.pid)
    outcome.containedBy = cgroup == nil ? .subreaper : .cgroup
    return .success(outcome)
  }

  /// Polls until the supervisor ended; asks it to tear down at the timeout or on cancellation, and kills it if it
  /// does not end within the grace period and 6 s more (the cgroup removal then kills the rest).
  private func wait(_ supervisor: ProcessControl.Supervisor, _ watch: inout Watch) async
    -> ProcessOutcome.Termination
  {
    let deadline = invocation.timeout.map { ContinuousClock.now + $0 }
    var teardownStart: ContinuousClock.Instant?
    var pause = Duration.milliseconds(1)
    while true {
      if watch.report == nil { watch.report = ProcessControl.readReport(supervisor) }
      if let termination = ProcessControl.reap(supervisor.pid) {
        if watch.report == nil { watch.report = ProcessControl.readReport(supervisor) }
        return termination
      }
      let now = ContinuousClock.now
      if let started = teardownStart {
        if now - started > invocation.killGrace + .seconds(6) {
          ProcessControl.signal(supervisor.pid, ProcessControl.killSignal)
        }
      } else if deadline.map({ now >= $0 }) ?? false || Task.isCancelled {
        watch.timedOut = !Task.isCancelled
        watch.cancelled = Task.isCancelled
        ProcessControl.signal(supervisor.pid, ProcessControl.terminateSignal)
        teardownStart = now
      }
      let interval = pause
      await Task.detached { try? await Task.sleep(for: interval) }.value
      pause = min(pause * 2, .milliseconds(20))
    }
  }

  private func failure(_ reason: String) -> ExecutorError {
    ExecutorError("cannot run '\(invocation.argv[0])' in '\(invocation.workingDirectory)': \(reason)")
  }

  private static func stageText(_ report: ProcessControl.StartReport, cgroup: String?) -> String {
    let reason = ProcessControl.errnoText("", report.error).dropFirst(2)
    switch report.stage {
    case 1: return "cannot join cgroup '\(cgroup ?? "")': \(reason)"
    case 4: return "cannot fork: \(reason)"
    default: return String(reason)
    }
  }
}
