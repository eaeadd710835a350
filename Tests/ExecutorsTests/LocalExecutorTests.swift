import Testing

@testable import Executors

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct LocalExecutorTests {
  @Test func exitCodeOutputEnvironmentAndStdin() async throws {
    let dir = Support.temporaryDirectory()
    let outcome = try await LocalExecutor().run(Support.invocation("exit4.sh", in: dir)).get()
    #expect(outcome.termination == .exited(4))
    #expect(!outcome.timedOut && !outcome.cancelled)
    let output = Support.read(dir + "/output.txt")
    #expect(output == "to stdout\nto stderr\ncwd=\(dir) FOO=bar HOME=unset\n")
  }

  @Test func runsInItsOwnSession() async throws {
    let dir = Support.temporaryDirectory()
    let outcome = try await LocalExecutor().run(Support.invocation("pgid.sh", in: dir)).get()
    let fields = Support.read(dir + "/output.txt").split(separator: " ").map { $0.filter(\.isNumber) }
    #expect(fields == ["\(outcome.processID)", "\(outcome.processID)", "\(outcome.processID)"])
  }

  @Test func outputIsAppended() async throws {
    let dir = Support.temporaryDirectory()
    _ = await LocalExecutor().run(Support.invocation("pgid.sh", in: dir))
    _ = await LocalExecutor().run(Support.invocation("pgid.sh", in: dir))
    #expect(Support.read(dir + "/output.txt").split(separator: "\n").count == 2)
  }

  @Test func timeoutKillsTheGroup() async throws {
    let dir = Support.temporaryDirectory()
    let outcome = try await LocalExecutor().run(Support.invocation("sleep-forever.sh", in: dir, timeout: .seconds(1)))
      .get()
    #expect(outcome.timedOut)
    #expect(outcome.termination == .signaled(SIGTERM))
    #expect(Support.read(dir + "/output.txt") == "started\n")
  }

  @Test func grandchildIgnoringTermIsKilled() async throws {
    let dir = Support.temporaryDirectory()
    let outcome = try await LocalExecutor().run(
      Support.invocation("grandchild-ignores-term.sh", in: dir, timeout: .seconds(1))
    ).get()
    #expect(outcome.timedOut)
    let grandchild = await Support.waitForPID(in: dir)
    #expect(await Support.becomesDead(grandchild))
  }

  @Test func childrenLeftBehindAreKilled() async throws {
    let dir = Support.temporaryDirectory()
    let outcome = try await LocalExecutor().run(Support.invocation("leaves-child.sh", in: dir)).get()
    #expect(outcome.termination == .exited(0))
    #expect(!outcome.timedOut)
    #expect(await Support.becomesDead(await Support.waitForPID(in: dir)))
  }

  @Test func setsidEscapeeDoesNotHangTheRun() async throws {
    let dir = Support.temporaryDirectory()
    let outcome = try await LocalExecutor().run(Support.invocation("setsid-escapee.sh", in: dir)).get()
    #expect(outcome.termination == .exited(0))
    let escapee = await Support.waitForPID(in: dir)
    #expect(Support.isAlive(escapee), "a setsid escapee is outside the group (documented)")
    kill(escapee, SIGKILL)
  }

  @Test func cancellationTearsDownTheGroup() async throws {
    let dir = Support.temporaryDirectory()
    let task = Task { await LocalExecutor().run(Support.invocation("grandchild-ignores-term.sh", in: dir)) }
    let grandchild = await Support.waitForPID(in: dir)
    task.cancel()
    let outcome = try await task.value.get()
    #expect(outcome.cancelled)
    #expect(!outcome.timedOut)
    #expect(await Support.becomesDead(grandchild))
  }

  @Test func missingWorkingDirectoryIsAnError() async {
    var invocation = Support.invocation("exit4.sh", in: Support.temporaryDirectory())
    invocation.workingDirectory = "/nonexistent/dir"
    let result = await LocalExecutor().run(invocation)
    guard case .failure(let error) = result else {
      Issue.record("expected a failure, got \(result)")
      return
    }
    #expect(error.message.contains("/nonexistent/dir"))
  }
}
