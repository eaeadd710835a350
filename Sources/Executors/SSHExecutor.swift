import HPCBasics
internal import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Runs invocations on a guest over SSH, through the run's master connection. The remote program runs in its own
/// session; at the timeout, or when the calling task is cancelled, a second command over the master connection
/// sends SIGTERM to the whole remote session, then SIGKILL after the grace period; what is left of the session
/// when the program exits is killed by the remote wrapper. A guest that stops answering makes the invocation
/// fail with an error naming the guest.
package struct SSHExecutor: InvocationExecutor {
  /// The guest's name, used in messages.
  package var name: String
  /// How to reach it.
  package var target: SSHTarget
  /// A remote directory for the session id files of running invocations.
  package var stateDirectory: String
  /// How files travel (`open()` chooses rsync when both sides have it).
  package var transfer: SSHTransfer.Method = .rsync
  /// True when `open()` made the master socket's private directory (so `close()` removes it).
  package var ownsSocketDirectory = false
  /// Runs the local `ssh`/`rsync` processes.
  package var local = LocalExecutor()

  /// Creates the executor.
  package init(name: String, target: SSHTarget, stateDirectory: String) {
    self.name = name
    self.target = target
    self.stateDirectory = stateDirectory
  }

  /// Invocations run on the guest, in copies of the local directories.
  package var runsHere: Bool { false }

  /// Runs `invocation` on the guest; its output streams into the local output file.
  package func run(_ invocation: Invocation) async -> Result<ProcessOutcome, ExecutorError> {
    let pidFile = stateDirectory + "/" + Self.token() + ".sid"
    let command = SSHCommand.remoteCommand(invocation, pidFile: pidFile, sudo: target.usesSudo)
    let transport = {
      var transport = Invocation(
        argv: SSHCommand.argv(target, command: command), environment: Self.clientEnvironment, workingDirectory: "/",
        outputPath: invocation.outputPath)
      transport.outputDirectory = invocation.outputDirectory
      return transport
    }()
    let timedOut = OnceFlag()
    let result = await withTaskGroup(of: Result<ProcessOutcome, ExecutorError>?.self) { group in
      group.addTask { await local.run(transport) }
      if let timeout = invocation.timeout {
        group.addTask {
          guard (try? await Task.sleep(for: timeout)) != nil else { return nil }
          timedOut.set()
          await tearDown(pidFile: pidFile, grace: invocation.killGrace)
          return nil
        }
      }
      var outcome: Result<ProcessOutcome, ExecutorError> = .failure(ExecutorError("ssh did not finish"))
      for await race in group {
        guard let race else { continue }
        outcome = race
        group.cancelAll()
      }
      return outcome
    }
    let cancelled = Task.isCancelled
    if cancelled {
      await Task.detached { await tearDown(pidFile: pidFile, grace: invocation.killGrace) }.value
    }
    return await finish(result, timedOut: timedOut.isSet, cancelled: cancelled)
  }

  /// Marks timeouts and cancellation; an ssh failure (255) on a guest that no longer answers is an error.
  private func finish(_ result: Result<ProcessOutcome, ExecutorError>, timedOut: Bool, cancelled: Bool) async
    -> Result<ProcessOutcome, ExecutorError>
  {
    guard case .success(var outcome) = result else { return result }
    outcome.timedOut = timedOut
    outcome.cancelled = cancelled
    if outcome.termination == .exited(255) && !timedOut && !cancelled, let problem = await reachability() {
      return .failure(ExecutorError("guest '\(name)' (\(address)) dropped the connection: \(problem)"))
    }
    return .success(outcome)
  }

  /// SIGTERM, then SIGKILL, to the remote session recorded in `pidFile` (over the master connection).
  package func tearDown(pidFile: String, grace: Duration) async {
    let command = SSHCommand.teardownCommand(pidFile: pidFile, grace: grace, sudo: target.usesSudo)
    _ = await capture(SSHCommand.argv(target, command: command))
  }

  /// nil when the guest answers a fresh connection, else what ssh said.
  package func reachability() async -> String? {
    let probe = SSHCommand.argv(
      target, command: "true", first: ["-oConnectionAttempts=1", "-oConnectTimeout=10", "-oControlPath=none"])
    let (status, output) = await capture(probe)
    return status == 0 ? nil : (output.isEmpty ? "ssh exited with \(status)" : output)
  }

  /// `host:port` as given.
  package var address: String { target.destination + (target.port.map { ":\($0)" } ?? "") }

  /// Runs a local command, returning its shell status and trimmed combined output (127 when it cannot start).
  package func capture(_ argv: [String], timeout: Duration? = .seconds(120)) async -> (Int32, String) {
    guard let path = FileSystem.makeTemporaryFile("/tmp/hpctest-ssh-out-") else {
      return (127, "cannot create a file in /tmp for ssh's output")
    }
    defer { unlink(path) }
    let invocation = Invocation(
      argv: argv, environment: Self.clientEnvironment, workingDirectory: "/", outputPath: path, timeout: timeout)
    let result = await local.run(invocation)
    let output = Self.readTrimmed(path)
    switch result {
    case .success(let outcome): return (outcome.shellStatus, output)
    case .failure(let error): return (127, error.message)
    }
  }

  /// PATH and HOME of hpctest itself, so `ssh` finds its configuration.
  static var clientEnvironment: [String: String] {
    var environment = ["PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"]
    if let home = getenv("HOME") { environment["HOME"] = String(cString: home) }
    if let path = getenv("PATH") { environment["PATH"] = String(cString: path) }
    return environment
  }

  /// A name unique on this machine for this process.
  static func token() -> String {
    let counter = tokenCounter.add(1, ordering: .relaxed).newValue
    return "\(getpid())-\(counter)-\(UInt32.random(in: 0...UInt32.max))"
  }

  private static let tokenCounter = Atomic<Int>(0)

  private static func readTrimmed(_ path: String) -> String {
    guard let file = fopen(path, "r") else { return "" }
    defer { fclose(file) }
    var text = ""
    var buffer = [CChar](repeating: 0, count: 4096)
    while fgets(&buffer, 4096, file) != nil { text += String(cString: buffer) }
    return String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
