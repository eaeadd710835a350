import Testing

@testable import Executors

#if canImport(Glibc)
  import Glibc
#endif

/// The SSH executor against a real sshd on 127.0.0.1 (the guest's processes are visible here, so the tests can
/// check that none is left).
@Suite(.serialized) struct SSHExecutorTests {
  @Test func exitCodeOutputAndEnvironment() async throws {
    let executor = try await TestGuest.executor(try await TestGuest.shared.shared())
    let dir = Support.temporaryDirectory()
    let outcome = try await executor.run(Support.invocation("exit4.sh", in: dir)).get()
    #expect(outcome.termination == .exited(4))
    #expect(!outcome.timedOut && !outcome.cancelled)
    #expect(Support.read(dir + "/output.txt") == "to stdout\nto stderr\ncwd=\(dir) FOO=bar HOME=unset\n")
    let check = ["ssh"] + SSHCommand.options(executor.target) + ["-O", "check", executor.target.destination]
    #expect(await executor.capture(check).0 == 0, "the master connection is up")
    await executor.close()
    #expect(await executor.capture(check).0 != 0, "the master connection is closed")
  }

  /// The master socket is made in a fresh directory only this user can enter, one per executor, and `close()`
  /// removes both: no other user can plant a socket where root's ssh looks, and two guests never share one.
  @Test func masterSocketLivesInAPrivateDirectoryOfItsOwn() async throws {
    let server = try await TestGuest.shared.shared()
    let first = try await TestGuest.executor(server)
    let second = try await TestGuest.executor(server)
    let sockets = [first, second].compactMap(\.target.socketPath)
    #expect(sockets.count == 2 && sockets[0] != sockets[1])
    for socket in sockets {
      var info = stat()
      #expect(lstat(Self.parent(socket), &info) == 0)
      #expect(info.st_mode & S_IFMT == S_IFDIR && info.st_mode & 0o777 == 0o700 && info.st_uid == getuid())
      #expect(lstat(socket, &info) == 0 && info.st_mode & S_IFMT == S_IFSOCK, "the master listens on \(socket)")
    }
    #expect(
      try await first.run(Support.invocation("exit4.sh", in: Support.temporaryDirectory())).get().shellStatus == 4)
    await first.close()
    #expect(access(Self.parent(sockets[0]), F_OK) != 0, "close() removed \(sockets[0])'s directory")
    #expect(
      try await second.run(Support.invocation("exit4.sh", in: Support.temporaryDirectory())).get().shellStatus == 4)
    await second.close()
    #expect(access(Self.parent(sockets[1]), F_OK) != 0)
  }

  static func parent(_ path: String) -> String { String(path[..<path.lastIndex(of: "/")!]) }

  @Test(arguments: [false, true])
  func teardownLeavesNothing(cancel: Bool) async throws {
    let executor = try await TestGuest.executor(try await TestGuest.shared.shared())
    let dir = Support.temporaryDirectory()
    let invocation = Support.invocation("remote-leaves-children.sh", in: dir, timeout: cancel ? nil : .seconds(2))
    let task = Task { await executor.run(invocation) }
    let stubborn = await Support.waitForPID(in: dir)
    let sleeper = Int32(Support.read(dir + "/pid.sleep").filter(\.isNumber)) ?? 0
    #expect(Support.isAlive(stubborn) && sleeper > 0 && Support.isAlive(sleeper))
    if cancel { task.cancel() }
    let outcome = try await task.value.get()
    // Cancelling also ends the local ssh client (status 255); a timeout ends the remote program with SIGTERM.
    #expect(cancel ? outcome.cancelled : outcome.timedOut && outcome.shellStatus == 128 + SIGTERM)
    #expect(await Support.becomesDead(stubborn))
    #expect(await Support.becomesDead(sleeper))
    await executor.close()
  }

  @Test func childrenLeftAfterExitAreKilled() async throws {
    let executor = try await TestGuest.executor(try await TestGuest.shared.shared())
    let dir = Support.temporaryDirectory()
    let outcome = try await executor.run(Support.invocation("leaves-child.sh", in: dir)).get()
    #expect(outcome.termination == .exited(0))
    #expect(await Support.becomesDead(await Support.waitForPID(in: dir)))
    await executor.close()
  }

  @Test func droppedGuestIsAnErrorNamingIt() async throws {
    let server = try await TestGuest.start()
    let executor = try await TestGuest.executor(server, name: "flaky")
    let dir = Support.temporaryDirectory()
    let task = Task { await executor.run(Support.invocation("remote-leaves-children.sh", in: dir)) }
    let stubborn = await Support.waitForPID(in: dir)
    let sleeper = Int32(Support.read(dir + "/pid.sleep").filter(\.isNumber)) ?? 0
    Self.stopServer(server)
    let result = await task.value
    guard case .failure(let error) = result else {
      Issue.record("expected an error, got \(result)")
      return
    }
    #expect(error.message.hasPrefix("guest 'flaky' (\(server.user)@127.0.0.1:\(server.port)) dropped the connection"))
    // The guest is this machine: clean up what the dropped connection left behind.
    kill(stubborn, SIGKILL)
    kill(sleeper, SIGKILL)
    await executor.close()
  }

  /// A guest that cannot be reached: `open()` names it and leaves no socket directory behind.
  @Test func failedOpenLeavesNothing() async throws {
    let server = try await TestGuest.shared.shared()
    var executor = SSHExecutor(
      name: "nowhere", target: SSHTarget(host: "127.0.0.1", user: server.user, port: 1, keys: [server.key]),
      stateDirectory: Support.temporaryDirectory() + "/state")
    let error = await executor.open()
    #expect(error?.message.hasPrefix("cannot connect to guest 'nowhere' (\(server.user)@127.0.0.1:1)") == true)
    let socket = try #require(executor.target.socketPath)
    #expect(access(Self.parent(socket), F_OK) != 0, "\(Self.parent(socket)) is gone")
  }

  @Test(arguments: [SSHTransfer.Method.rsync, .tar])
  func pushAndPullKeepPaths(method: SSHTransfer.Method) async throws {
    let opened = try await TestGuest.executor(try await TestGuest.shared.shared())
    var executor = opened
    executor.transfer = method
    let source = Support.temporaryDirectory()
    Support.write(source + "/a/file.txt", "pushed\n")
    #expect(await executor.push([source + "/a"]) == nil)
    #expect(Support.read(source + "/a/file.txt") == "pushed\n")
    let bad = await executor.pull(["/nonexistent-\(getpid())"])
    #expect(bad?.message.contains("cannot copy from guest 'guest-1'") == true)
    await opened.close()
  }

  /// Kills the listener and its per-connection processes, as a crashed or stopped sshd would.
  static func stopServer(_ server: TestGuest.Server) {
    guard let pid = Int32(Support.read(server.pidFile).filter(\.isNumber)) else { return }
    for child in Support.children(of: pid) { kill(child, SIGKILL) }
    kill(pid, SIGKILL)
  }
}
