/// One invocation under `Containment.everything`. A supervisor (a child subreaper in its own session: the
/// `hpctest-guard` program, or a fork of hpctest running the same C code where that is not installed) starts the program in a session of its own, inside a fresh cgroup v2 when one can be created
/// here. The supervisor owns the teardown: when the program exits it SIGKILLs whatever is left; on SIGTERM (sent
/// here at the timeout or on cancellation) every process of the test gets SIGTERM, then SIGKILL after the grace
/// period; when hpctest dies it SIGKILLs everything at once. This side sleeps until the supervisor ends
/// (`ProcessControl.wait`: a pidfd in poll(2) on a thread of its own, no polling), and removes the cgroup then.
struct SupervisedRun: Sendable {
  var invocation: Invocation
  var outputFD: Int32
  var mechanism: Containment.Mechanism
  /// Whether the supervisor may be the `hpctest-guard` program (`SupervisorProgram`); false: a fork of hpctest.
  var useProgram = true

  /// Runs the invocation to its end, timeout or cancellation.
  func run() async -> Result<ProcessOutcome, ExecutorError> {
    guard let path = ProcessControl.resolve(invocation.argv[0], path: invocation.environment["PATH"]) else {
      return .failure(failure("command not found"))
    }
    let cgroup = mechanism == .cgroup ? CgroupTree.current?.create() : nil
    let supervisor: ProcessControl.Supervisor
    let program = useProgram && SupervisorProgram.path != nil
    switch ProcessControl.spawn(
      path: path, invocation: invocation, outputFD: outputFD, cgroup: cgroup, useGuard: program)
    {
    case .success(let started): supervisor = started
    case .failure(let error):
      if let cgroup { await CgroupTree.remove(cgroup) }
      return .failure(failure(error.message))
    }
    return await supervise(supervisor, cgroup: cgroup, program: program)
  }

  /// Waits for the started `supervisor` to end (timeout and cancellation included), removes the cgroup, and reads
  /// what it reported; a start that failed in a way another mechanism avoids is run again with that one.
  func supervise(_ supervisor: ProcessControl.Supervisor, cgroup: String?, program: Bool) async -> Result<
    ProcessOutcome, ExecutorError
  > {
    let ended = await ProcessControl.wait(
      for: supervisor.pid, timeout: invocation.timeout, killAfter: invocation.killGrace + .seconds(6))
    let report = ProcessControl.readReport(supervisor)
    if report == nil { ProcessControl.closeReport(supervisor) }
    if let cgroup { await CgroupTree.remove(cgroup) }
    guard let ended, let report else { return .failure(failure("its supervisor ended before starting it")) }
    if report.stage == 1 && mechanism == .cgroup {  // the cgroup could be made but not joined: no cgroup then
      var again = self
      again.mechanism = .subreaper
      return await again.run()
    }
    if report.stage == 5 {  // the guard program could not be executed: the fork of hpctest instead
      var again = self
      again.useProgram = false
      return await again.run()
    }
    guard report.stage == 0 else { return .failure(failure(Self.stageText(report, cgroup: cgroup))) }
    var outcome = ProcessOutcome(
      termination: ended.termination, timedOut: ended.timedOut, cancelled: ended.cancelled, processID: report.pid)
    outcome.containedBy = cgroup == nil ? .subreaper : .cgroup
    outcome.supervisedByProgram = program
    return .success(outcome)
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
