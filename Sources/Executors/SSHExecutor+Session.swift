#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The run's master connection and file transfers of a guest.
extension SSHExecutor {
  /// Starts the master connection (one per guest for the whole run) and finds how files can travel; an error
  /// names the guest and says what ssh reported.
  package mutating func open() async -> ExecutorError? {
    // `setsid -w`: the master that `ssh -f` leaves behind must not be in the process group the local executor
    // kills once the starting ssh has exited.
    let (status, output) = await capture(["setsid", "-w"] + SSHCommand.masterArgv(target))
    guard status == 0 else {
      return ExecutorError(
        "cannot connect to guest '\(name)' (\(address)): \(output.isEmpty ? "ssh exited with \(status)" : output)")
    }
    let (probeStatus, method) = await capture(SSHCommand.argv(target, command: SSHTransfer.probeCommand))
    guard probeStatus == 0 else { return ExecutorError("guest '\(name)' (\(address)): \(method)") }
    let localRsync = await capture(["/bin/sh", "-c", "command -v rsync"]).0 == 0
    transfer = method == "rsync" && localRsync ? .rsync : .tar
    return nil
  }

  /// Stops the master connection and removes its socket (left behind by a master that was killed).
  package func close() async {
    _ = await capture(SSHCommand.exitArgv(target))
    if let socket = target.socketPath { unlink(socket) }
  }

  /// Copies local directories to the same paths on the guest, all in one transfer.
  package func push(_ directories: [String]) async -> ExecutorError? {
    guard !directories.isEmpty else { return nil }
    let argv = SSHTransfer.push(directories, target: target, method: transfer, archive: archivePath)
    return await copy(argv, what: "copy to")
  }

  /// Copies directories back from the guest to the same local paths, all in one transfer.
  package func pull(_ directories: [String]) async -> ExecutorError? {
    guard !directories.isEmpty else { return nil }
    let argv = SSHTransfer.pull(directories, target: target, method: transfer, archive: archivePath)
    return await copy(argv, what: "copy from")
  }

  private var archivePath: String { "/tmp/hpctest-transfer-\(Self.token()).tar" }

  /// Runs a transfer; one that fails (a dropped or refused connection, rsync's "connection unexpectedly closed")
  /// is tried once more after a second, since copying the same directories again is harmless.
  private func copy(_ argv: [String], what: String) async -> ExecutorError? {
    var (status, output) = await capture(argv, timeout: .seconds(3600))
    if status != 0 {
      try? await Task.sleep(for: .seconds(1))
      (status, output) = await capture(argv, timeout: .seconds(3600))
    }
    guard status != 0 else { return nil }
    return ExecutorError("cannot \(what) guest '\(name)' (\(address)) with \(transfer.rawValue): \(output)")
  }
}
