import HPCBasics
import Testing

@testable import Executors

#if canImport(Glibc)
  import Glibc
#endif

/// A local contained invocation prestarted (`LocalExecutor.prestart`): its `hpctest-guard` waits, the program starts
/// only when it runs, and then runs exactly as `run` runs it (output, exit status, cgroup, timeout, cancellation); a
/// discarded one starts nothing and leaves no process and no cgroup; each waiting guard holds only its own socket.
@Suite struct PrestartTests {
  static let mechanisms: [Containment.Mechanism] = [.cgroup, .subreaper]

  /// An invocation that records that it started (`started` in `dir`), prints its working directory and a
  /// variable, then runs `then`.
  static func invocation(in dir: String, then: String) -> Invocation {
    Invocation(
      argv: ["/bin/sh", "-c", "touch started; echo \"cwd=$(pwd) VAR=$VAR\"; \(then)"],
      environment: ["PATH": "/usr/bin:/bin", "VAR": "prestarted"], workingDirectory: dir,
      outputPath: dir + "/output.txt", killGrace: .milliseconds(300))
  }

  /// The prestarted invocation, its guard checked to be waiting without having started the program.
  static func prestart(_ executor: LocalExecutor, _ invocation: Invocation) async throws -> PrestartedInvocation {
    let prestarted = try #require(executor.prestart(invocation), "the guard program is built beside the tests")
    #expect(Support.isAlive(prestarted.waiting.supervisor.pid))
    try await Task.sleep(for: .milliseconds(200))
    #expect(!FileSystem.exists(invocation.workingDirectory + "/started"), "nothing runs before the go")
    #expect(Support.isAlive(prestarted.waiting.supervisor.pid), "the guard waits")
    return prestarted
  }

  @Test(arguments: mechanisms)
  func runsAsARunDoes(_ mechanism: Containment.Mechanism) async throws {
    let dir = Support.temporaryDirectory()
    let executor = LocalExecutor(containment: .everything(mechanism))
    let prestarted = try await Self.prestart(executor, Self.invocation(in: dir, then: "exit 7"))
    let outcome = try await executor.run(prestarted, timeout: .seconds(30)).get()
    #expect(outcome.termination == .exited(7))
    #expect(outcome.supervisedByProgram)
    #expect(outcome.containedBy == ContainmentTests.expected(mechanism))
    #expect(Support.read(dir + "/output.txt") == "cwd=\(dir) VAR=prestarted\n")
    #expect(!Support.isAlive(prestarted.waiting.supervisor.pid))
    if let cgroup = prestarted.waiting.cgroup { #expect(!FileSystem.exists(cgroup), "the cgroup is removed") }
  }

  @Test(arguments: mechanisms)
  func timeoutAndCancellationComeFromTheRun(_ mechanism: Containment.Mechanism) async throws {
    let executor = LocalExecutor(containment: .everything(mechanism))
    let timed = try await Self.prestart(executor, Self.invocation(in: Support.temporaryDirectory(), then: "sleep 30"))
    let start = ContinuousClock.now
    let outcome = try await executor.run(timed, timeout: .seconds(1)).get()
    #expect(outcome.timedOut)
    #expect(ContinuousClock.now - start < .seconds(10))
    let dir = Support.temporaryDirectory()
    let cancelled = try await Self.prestart(executor, Self.invocation(in: dir, then: "sleep 30"))
    let task = Task { await executor.run(cancelled, timeout: nil) }
    for _ in 0..<500 where !FileSystem.exists(dir + "/started") { try await Task.sleep(for: .milliseconds(10)) }
    task.cancel()
    #expect(try await task.value.get().cancelled)
  }

  @Test(arguments: mechanisms)
  func discardedStartsNothingAndLeavesNothing(_ mechanism: Containment.Mechanism) async throws {
    let dir = Support.temporaryDirectory()
    let executor = LocalExecutor(containment: .everything(mechanism))
    let marker = "discarded-\(UInt32.random(in: 0...UInt32.max))"
    let prestarted = try await Self.prestart(executor, Self.invocation(in: dir, then: "true \(marker)"))
    #expect(Self.processes(holding: marker) == 2, "the guard, and the program's child waiting to exec")
    await executor.discard(prestarted)
    #expect(Self.processes(holding: marker) == 0)
    #expect(!Support.isAlive(prestarted.waiting.supervisor.pid))
    #expect(kill(prestarted.waiting.supervisor.pid, 0) != 0, "the guard is reaped, not left a zombie")
    if let cgroup = prestarted.waiting.cgroup { #expect(!FileSystem.exists(cgroup)) }
    #expect(!FileSystem.exists(dir + "/started"))
  }

  /// A waiting guard ends when hpctest's end of its socket closes (as when hpctest dies), even while another guard
  /// waits: no other process holds that end.
  @Test func eachGuardWaitsOnItsOwnSocket() async throws {
    let executor = LocalExecutor(containment: .everything(.subreaper))
    let (first, second) = (Support.temporaryDirectory(), Support.temporaryDirectory())
    let one = try await Self.prestart(executor, Self.invocation(in: first, then: "true"))
    let two = try await Self.prestart(executor, Self.invocation(in: second, then: "true"))
    close(one.waiting.go)
    var status: Int32 = 0
    #expect(waitpid(one.waiting.supervisor.pid, &status, 0) == one.waiting.supervisor.pid)
    #expect(!FileSystem.exists(first + "/started"))
    #expect(Support.isAlive(two.waiting.supervisor.pid))
    let outcome = try await executor.run(two, timeout: nil).get()
    #expect(outcome.termination == .exited(0))
    #expect(FileSystem.exists(second + "/started"))
    ProcessControl.closeReport(one.waiting.supervisor)
  }

  /// How many processes have `text` in their command line.
  static func processes(holding text: String) -> Int {
    (FileSystem.list("/proc") ?? []).filter { name in
      guard Int32(name) != nil, let bytes = FileSystem.readBytes("/proc/\(name)/cmdline") else { return false }
      return String(decoding: bytes, as: UTF8.self).contains(text)
    }.count
  }

  /// Without the guard program, or without full containment, nothing is prestarted: the invocation runs as usual.
  @Test func onlyTheGuardProgramPrestarts() {
    let invocation = Self.invocation(in: Support.temporaryDirectory(), then: "true")
    #expect(LocalExecutor(containment: .everything(.subreaper), supervisorProgram: false).prestart(invocation) == nil)
    #expect(LocalExecutor(containment: .processGroup).prestart(invocation) == nil)
  }
}
