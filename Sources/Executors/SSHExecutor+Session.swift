import HPCBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The run's master connection and file transfers of a guest.
extension SSHExecutor {
  /// Starts the master connection (one per guest for the whole run) and finds how files can travel; an error
  /// names the guest and says what ssh reported, and leaves no master, socket or socket directory behind.
  package mutating func open() async -> ExecutorError? {
    if target.socketPath == nil {
      // Each guest's master socket lives in a directory of its own (mode 0700, made by mkdtemp), so two runs, two
      // plans or two guests of one process never share a socket, and no user can plant one where root looks.
      guard let directory = FileSystem.makeTemporaryDirectory("/tmp/hpctest-ssh-") else {
        return ExecutorError("cannot create a directory for guest '\(name)''s ssh master socket in /tmp")
      }
      target.socketPath = directory + "/master.sock"
      ownsSocketDirectory = true
    }
    // `setsid -w`: the master that `ssh -f` leaves behind must not be in the process group the local executor
    // kills once the starting ssh has exited.
    let (status, output) = await capture(["setsid", "-w"] + SSHCommand.masterArgv(target))
    guard status == 0 else {
      await close()
      return ExecutorError(
        "cannot connect to guest '\(name)' (\(address)): \(output.isEmpty ? "ssh exited with \(status)" : output)")
    }
    let (probeStatus, method) = await capture(SSHCommand.argv(target, command: SSHTransfer.probeCommand))
    guard probeStatus == 0 else {
      await close()
      return ExecutorError("guest '\(name)' (\(address)): \(method)")
    }
    let localRsync = await capture(["/bin/sh", "-c", "command -v rsync"]).0 == 0
    transfer = method == "rsync" && localRsync ? .rsync : .tar
    return nil
  }

  /// Stops the master connection and removes its socket (left behind by a master that was killed).
  package func close() async {
    _ = await capture(SSHCommand.exitArgv(target))
    guard let socket = target.socketPath else { return }
    unlink(socket)
    if ownsSocketDirectory { rmdir(Path.dirname(socket)) }
  }

  /// Copies local directories to the same paths on the guest, all in one transfer.
  package func push(_ directories: [String]) async -> ExecutorError? {
    guard !directories.isEmpty else { return nil }
    return await copy(what: "copy to") { SSHTransfer.push(directories, target: target, method: transfer, archive: $0) }
  }

  /// Copies directories back from the guest to the same local paths, all in one transfer.
  package func pull(_ directories: [String]) async -> ExecutorError? {
    guard !directories.isEmpty else { return nil }
    return await copy(what: "copy from") {
      SSHTransfer.pull(directories, target: target, method: transfer, archive: $0)
    }
  }

  /// Runs a transfer; one that fails (a dropped or refused connection, rsync's "connection unexpectedly closed")
  /// is tried once more after a second, since copying the same directories again is harmless.
  /// The tar archive (when `tar` is the method) is a fresh file made by `mkstemp` in the sticky /tmp, which no
  /// other user can replace or point elsewhere.
  private func copy(what: String, _ argv: (String) -> [String]) async -> ExecutorError? {
    guard let archive = FileSystem.makeTemporaryFile("/tmp/hpctest-transfer-") else {
      return ExecutorError("cannot \(what) guest '\(name)' (\(address)): cannot create a file in /tmp")
    }
    defer { unlink(archive) }
    var (status, output) = await capture(argv(archive), timeout: .seconds(3600))
    if status != 0 {
      try? await Task.sleep(for: .seconds(1))
      (status, output) = await capture(argv(archive), timeout: .seconds(3600))
    }
    guard status != 0 else { return nil }
    return ExecutorError("cannot \(what) guest '\(name)' (\(address)) with \(transfer.rawValue): \(output)")
  }
}
