import HPCBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

extension SupervisedRun {
  /// A supervisor started ahead of its invocation (the `hpctest-guard` program only): it has set itself up (session,
  /// subreaper, signals; the cgroup made by hpctest) and forked the program's child, which is set up too and waits
  /// on a socket; one byte there makes the child exec the program at once. Closing hpctest's end (or hpctest's
  /// death) ends the child without running anything, and the guard with it.
  struct Waiting: Sendable {
    let supervisor: ProcessControl.Supervisor
    /// hpctest's end of the socket pair the guard waits on (close-on-exec here).
    let go: Int32
    let cgroup: String?
  }

  /// Starts the supervisor of this invocation ahead; nil where that cannot be done here (no guard program, the
  /// command not found, no socket pair or no fork: `run` then reports the error).
  func startWaiting() -> Waiting? {
    guard useProgram, SupervisorProgram.path != nil,
      let path = ProcessControl.resolve(invocation.argv[0], path: invocation.environment["PATH"])
    else { return nil }
    var pipeFDs: [Int32] = [-1, -1]  // a socket pair: the go byte is sent with MSG_NOSIGNAL (no SIGPIPE)
    guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pipeFDs) == 0 else {
      return nil
    }
    let cgroup = mechanism == .cgroup ? CgroupTree.current?.create() : nil
    let spawned = ProcessControl.spawn(
      path: path, invocation: invocation, outputFD: outputFD, cgroup: cgroup, useGuard: true, goFD: pipeFDs[0])
    close(pipeFDs[0])
    guard case .success(let supervisor) = spawned else {
      close(pipeFDs[1])
      if let cgroup { _ = ProcessControl.removeDirectory(cgroup) }
      return nil
    }
    return Waiting(supervisor: supervisor, go: pipeFDs[1], cgroup: cgroup)
  }

  /// Starts the program of the waiting supervisor and runs it to its end, timeout or cancellation, as `run` does
  /// (with this run's timeout); nil when the supervisor is gone already (it is cleared away: start anew).
  func run(_ waiting: Waiting) async -> Result<ProcessOutcome, ExecutorError>? {
    var go: UInt8 = 1
    let started = send(waiting.go, &go, 1, Int32(MSG_NOSIGNAL)) == 1
    close(waiting.go)
    guard started else {
      await Self.clear(waiting, closed: true)
      return nil
    }
    return await supervise(waiting.supervisor, cgroup: waiting.cgroup, program: true)
  }

  /// Ends a waiting supervisor without starting its program: hpctest's end closed, the guard waited for, its cgroup
  /// removed.
  static func discard(_ waiting: Waiting) async {
    await clear(waiting, closed: false)
  }

  private static func clear(_ waiting: Waiting, closed: Bool) async {
    if !closed { close(waiting.go) }
    _ = await ProcessControl.wait(for: waiting.supervisor.pid, timeout: .seconds(5), killAfter: .seconds(1))
    ProcessControl.closeReport(waiting.supervisor)
    if let cgroup = waiting.cgroup { await CgroupTree.remove(cgroup) }
  }
}
