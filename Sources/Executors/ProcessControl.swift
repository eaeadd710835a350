internal import CProcessShim
import HPCBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The one place that makes the process-control system calls: the supervised spawn (through the C shim), waiting
/// for and signalling the supervisor, and reading the process table. cgroup files are in `CgroupTree`.
package enum ProcessControl {
  /// The process table (not part of `--sysroot`: it describes this machine's processes, never recorded hardware).
  static let procRoot = "/proc"

  /// A started supervisor: its pid and the pipe it reports the program's start on.
  struct Supervisor: Sendable {
    var pid: Int32
    var reportFD: Int32
  }

  /// What the supervisor reported: the program's pid, or the stage that failed with its errno.
  struct StartReport {
    var pid: Int32
    var stage: Int32
    var error: Int32
  }

  /// Starts the supervisor for `argv` at `path`: the `hpctest-guard` program (vfork + execve, nothing of hpctest is
  /// copied) when `useGuard` and one is installed beside hpctest, else a fork of hpctest running the same C code. With
  /// `goFD` (the guard program only) the guard starts the program once a byte arrives there, and ends without
  /// starting it at end of file. An error message when the pipe, fork or vfork failed.
  static func spawn(
    path: String, invocation: Invocation, outputFD: Int32, cgroup: String?, useGuard: Bool = true, goFD: Int32 = -1
  ) -> Result<Supervisor, ExecutorError> {
    var pipeFDs: [Int32] = [-1, -1]
    guard hpct_report_pipe(&pipeFDs) == 0 else { return .failure(ExecutorError(errnoText("pipe"))) }
    let envp = CStringArray(invocation.environment.map { "\($0.key)=\($0.value)" }.sorted())
    defer {
      envp.release()
      close(pipeFDs[1])
    }
    let graceMS = Int(milliseconds(invocation.killGrace))
    let pid: pid_t
    if useGuard, let guardPath = SupervisorProgram.path {
      let argv = CStringArray(
        [
          guardPath, "\(outputFD)", "\(pipeFDs[1])", "\(graceMS)", "\(getpid())", "\(goFD)", cgroup ?? "",
          procRoot, invocation.workingDirectory, path,
        ] + invocation.argv)
      defer { argv.release() }
      pid = hpct_spawn_guard(guardPath, argv.pointers, envp.pointers, outputFD, pipeFDs[1], goFD)
    } else {
      pid = forkSupervisor(
        path: path, invocation: invocation, envp: envp, outputFD: outputFD, cgroup: cgroup, reportFD: pipeFDs[1])
    }
    guard pid > 0 else {
      close(pipeFDs[0])
      return .failure(ExecutorError(errnoText("fork")))
    }
    return .success(Supervisor(pid: pid, reportFD: pipeFDs[0]))
  }

  /// `hpct_spawn_supervised`: the supervisor as a fork of hpctest.
  private static func forkSupervisor(
    path: String, invocation: Invocation, envp: CStringArray, outputFD: Int32, cgroup: String?, reportFD: Int32
  ) -> pid_t {
    let argv = CStringArray(invocation.argv)
    defer { argv.release() }
    let graceMS = Int(milliseconds(invocation.killGrace))
    return path.withCString { path in
      invocation.workingDirectory.withCString { cwd in
        procRoot.withCString { proc in
          withOptionalCString(cgroup) { cgroup in
            var request = hpct_spawn_request(
              path: path, argv: argv.pointers, envp: envp.pointers, cwd: cwd, output_fd: outputFD,
              cgroup_dir: cgroup, proc_root: proc, report_fd: reportFD, grace_ms: graceMS, parent: getpid(),
              go_fd: -1)
            return hpct_spawn_supervised(&request)
          }
        }
      }
    }
  }

  /// The supervisor's report once it arrived (the pipe is non-blocking); nil while it has not.
  static func readReport(_ supervisor: Supervisor) -> StartReport? {
    var report = hpct_spawn_report()
    let size = MemoryLayout<hpct_spawn_report>.size
    guard read(supervisor.reportFD, &report, size) == size else { return nil }
    close(supervisor.reportFD)
    return StartReport(pid: report.pid, stage: report.stage, error: report.error)
  }

  /// Closes the report pipe when no report came (the supervisor was killed first).
  static func closeReport(_ supervisor: Supervisor) { close(supervisor.reportFD) }

  /// How a supervisor ended, and whether a teardown was asked of it first.
  struct Ended: Sendable {
    var termination: ProcessOutcome.Termination
    var timedOut: Bool
    var cancelled: Bool
  }

  /// Waits for the supervisor `pid` to end and reaps it (`hpct_wait_supervisor`, on a thread of its own: no
  /// polling while the program runs). At `timeout`, or when the calling task is cancelled, the supervisor gets
  /// SIGTERM (it tears the test down), and SIGKILL when it has not ended `killAfter` later. Nil when `pid` is not a
  /// child of this process.
  static func wait(for pid: Int32, timeout: Duration?, killAfter: Duration) async -> Ended? {
    var wake: [Int32] = [-1, -1]
    guard hpct_report_pipe(&wake) == 0 else { return nil }
    defer {
      close(wake[0])
      close(wake[1])
    }
    let (readEnd, writeEnd) = (wake[0], wake[1])
    let (limit, grace) = (timeout.map(milliseconds) ?? -1, milliseconds(killAfter))
    return await withTaskCancellationHandler {
      await BlockingThread.run { () -> Ended? in
        var request = hpct_wait_request(pid: pid, wake_fd: readEnd, timeout_ms: limit, kill_after_ms: grace)
        var result = hpct_wait_result()
        guard hpct_wait_supervisor(&request, &result) == 0 else { return nil }
        let signal = result.status & 0x7f
        return Ended(
          termination: signal == 0 ? .exited((result.status >> 8) & 0xff) : .signaled(signal),
          timedOut: result.timed_out != 0, cancelled: result.cancelled != 0)
      }
    } onCancel: {
      var byte: UInt8 = 1
      _ = write(writeEnd, &byte, 1)
    }
  }

  /// `duration` in whole milliseconds.
  static func milliseconds(_ duration: Duration) -> Int64 {
    let parts = duration.components
    return parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
  }

  /// Sends `signal` to one process.
  static func signal(_ pid: Int32, _ signal: Int32) { kill(pid, signal) }

  /// SIGTERM and SIGKILL, for callers without Glibc.
  static let terminateSignal = SIGTERM, killSignal = SIGKILL

  /// This process's pid.
  package static var ownPID: Int32 { getpid() }

  /// `mkdir(path, 0755)`; false when it failed.
  static func makeDirectory(_ path: String) -> Bool { mkdir(path, 0o755) == 0 }

  /// How `rmdir` went.
  enum Removal { case removed, busy, failed }

  /// `rmdir(path)`: removed (or already gone), busy (a cgroup with members), or failed.
  static func removeDirectory(_ path: String) -> Removal {
    if rmdir(path) == 0 || errno == ENOENT { return .removed }
    return errno == EBUSY ? .busy : .failed
  }

  /// Blocks the calling thread (only for short, bounded waits outside Swift concurrency).
  static func pause(milliseconds: Int) { usleep(UInt32(milliseconds) * 1000) }

  /// True when `pid` exists (a process of another user counts).
  package static func exists(_ pid: Int32) -> Bool { pid > 0 && (kill(pid, 0) == 0 || errno == EPERM) }

  /// The start time of `pid` (field 22 of its `stat`, clock ticks since boot), nil when it is gone or a zombie
  /// (dead, not yet reaped). A pid with the same start time is the same process, so a recorded (pid, start time)
  /// cannot be fooled by pid reuse.
  package static func startTime(of pid: Int32) -> UInt64? {
    guard let stat = FileSystem.readText("\(procRoot)/\(pid)/stat"), let close = stat.lastIndex(of: ")") else {
      return nil
    }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 19, fields[0] != "Z", fields[0] != "X" else { return nil }
    return UInt64(fields[19])
  }

  /// `program` as an absolute path: as given when it contains a slash, else found in `PATH`.
  static func resolve(_ program: String, path: String?) -> String? {
    if program.contains("/") { return program }
    for directory in (path ?? "/usr/bin:/bin").split(separator: ":") {
      let candidate = "\(directory)/\(program)"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }

  /// `errno`'s text after `what`.
  static func errnoText(_ what: String, _ code: Int32 = errno) -> String {
    "\(what): \(String(cString: strerror(code)))"
  }

  private static func withOptionalCString<T>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> T) -> T {
    guard let text else { return body(nil) }
    return text.withCString { body($0) }
  }
}

/// A NULL-terminated C string array, freed explicitly once the fork is done.
struct CStringArray {
  let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

  init(_ strings: [String]) {
    pointers = .allocate(capacity: strings.count + 1)
    for (index, string) in strings.enumerated() { pointers[index] = strdup(string) }
    pointers[strings.count] = nil
  }

  func release() {
    var index = 0
    while let pointer = pointers[index] {
      free(pointer)
      index += 1
    }
    pointers.deallocate()
  }
}
