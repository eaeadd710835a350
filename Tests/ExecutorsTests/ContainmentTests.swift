import Testing

@testable import Executors

#if canImport(Glibc)
  import Glibc
#endif

/// `Containment.everything`: a test that leaves its process group (`set -m` job, `setsid`, a double-forked orphan
/// ignoring SIGTERM) leaves nothing behind at its duration, on cancellation (Ctrl-C) and when it exits normally,
/// with a cgroup per test and with the forced subreaper fallback.
@Suite struct ContainmentTests {
  enum Ending: String, CaseIterable, Sendable {
    case duration, cancellation, exit
  }

  static let mechanisms: [Containment.Mechanism] = [.cgroup, .subreaper]

  /// The mechanism a run with `mechanism` must report: a cgroup only where this process can create one.
  static func expected(_ mechanism: Containment.Mechanism) -> Containment.Mechanism {
    guard mechanism == .cgroup, let tree = CgroupTree.current, let probe = tree.create() else { return .subreaper }
    _ = ProcessControl.removeDirectory(probe)
    return .cgroup
  }

  static func invocation(in dir: String, then: String, timeout: Duration?) -> Invocation {
    Invocation(
      argv: ["/bin/bash", Support.fixtures + "/scripts/escapees.sh"],
      environment: ["PATH": "/usr/bin:/bin", "PIDFILE": dir + "/pid", "THEN": then], workingDirectory: dir,
      outputPath: dir + "/output.txt", timeout: timeout, killGrace: .milliseconds(300))
  }

  static func escapees(in dir: String) async -> [Int32] {
    for _ in 0..<1000 where !FileManagerLite.exists(dir + "/pid.ready") {
      try? await Task.sleep(for: .milliseconds(10))
    }
    return Support.read(dir + "/pid.all").split(separator: "\n").compactMap { Int32($0) }
  }

  /// Both supervisors: the `hpctest-guard` program (built beside the test runner) and a fork of hpctest.
  static let supervisors: [Bool] = [true, false]

  @Test(arguments: mechanisms, Ending.allCases)
  func nothingEscapes(_ mechanism: Containment.Mechanism, _ ending: Ending) async throws {
    for program in Self.supervisors { try await nothingEscapes(mechanism, ending, program: program) }
  }

  func nothingEscapes(_ mechanism: Containment.Mechanism, _ ending: Ending, program: Bool) async throws {
    let dir = Support.temporaryDirectory()
    let executor = LocalExecutor(containment: .everything(mechanism), supervisorProgram: program)
    let invocation = Self.invocation(
      in: dir, then: ending == .exit ? "exit" : "wait", timeout: ending == .duration ? .seconds(2) : nil)
    let task = Task { await executor.run(invocation) }
    let pids = await Self.escapees(in: dir)
    #expect(pids.count == 3, "the script started its three escapees: \(Support.read(dir + "/output.txt"))")
    if ending == .cancellation { task.cancel() }
    let outcome = try await task.value.get()
    #expect(outcome.timedOut == (ending == .duration))
    #expect(outcome.cancelled == (ending == .cancellation))
    #expect(outcome.containedBy == Self.expected(mechanism))
    #expect(outcome.supervisedByProgram == program)
    if ending == .exit { #expect(outcome.termination == .exited(0)) }
    for pid in pids {
      #expect(await Support.becomesDead(pid), "pid \(pid) outlived the test (\(mechanism), \(ending), \(program))")
    }
  }

  @Test(arguments: mechanisms, supervisors)
  func exitStatusAndSignalArePassedThrough(_ mechanism: Containment.Mechanism, _ program: Bool) async throws {
    let dir = Support.temporaryDirectory()
    let executor = LocalExecutor(containment: .everything(mechanism), supervisorProgram: program)
    for (script, expected) in [("exit 7", ProcessOutcome.Termination.exited(7)), ("kill -SEGV $$", .signaled(SIGSEGV))]
    {
      let invocation = Invocation(
        argv: ["/bin/sh", "-c", script], environment: [:], workingDirectory: dir, outputPath: dir + "/out.txt")
      let outcome = try await executor.run(invocation).get()
      #expect(outcome.termination == expected, "\(script)")
      #expect(outcome.processID > 0)
      #expect(outcome.supervisedByProgram == program)
    }
  }

  @Test(arguments: mechanisms)
  func programRunsInItsOwnSessionWithDefaultSignals(_ mechanism: Containment.Mechanism) async throws {
    let dir = Support.temporaryDirectory()
    let outcome = try await LocalExecutor(containment: .everything(mechanism)).run(
      Support.invocation("pgid.sh", in: dir)
    ).get()
    let fields = Support.read(dir + "/output.txt").split(separator: " ").map { $0.filter(\.isNumber) }
    #expect(fields == ["\(outcome.processID)", "\(outcome.processID)", "\(outcome.processID)"])
  }

  /// Signals hpctest ignores (SIGPIPE, SIGUSR2 here) are not ignored by the program, nor blocked, with either
  /// supervisor: the program starts with every signal at its default, as a shell would start it.
  @Test(arguments: mechanisms, supervisors)
  func programStartsWithNoSignalIgnoredOrBlocked(_ mechanism: Containment.Mechanism, _ program: Bool) async throws {
    let dir = Support.temporaryDirectory()
    let previous = (signal(SIGPIPE, SIG_IGN), signal(SIGUSR2, SIG_IGN))
    defer {
      signal(SIGPIPE, previous.0)
      signal(SIGUSR2, previous.1)
    }
    let invocation = Invocation(
      argv: ["/bin/grep", "-E", "^Sig(Ign|Blk|Cgt):", "/proc/self/status"], environment: [:], workingDirectory: dir,
      outputPath: dir + "/out.txt")
    let outcome = try await LocalExecutor(containment: .everything(mechanism), supervisorProgram: program).run(
      invocation
    ).get()
    #expect(outcome.termination == .exited(0))
    let lines = Support.read(dir + "/out.txt").split(separator: "\n").map { $0.split(separator: "\t") }
    #expect(lines.map { $0.first ?? "" } == ["SigBlk:", "SigIgn:", "SigCgt:"])
    let masks = lines.map { UInt64($0.last ?? "", radix: 16) }
    // Bit n-1 stands for signal n; what grep itself ignores or catches (glibc's and gnulib's own) may be set.
    let inherited = UInt64(1) << (SIGPIPE - 1) | UInt64(1) << (SIGUSR2 - 1)
    #expect(masks.first == 0, "nothing blocked")
    #expect(masks.dropFirst().allSatisfy { $0.map { $0 & inherited == 0 } ?? false }, "\(masks)")
  }

  @Test func missingProgramAndDirectoryAreErrors() async {
    let dir = Support.temporaryDirectory()
    let executor = LocalExecutor(containment: .everything(.subreaper))
    var invocation = Support.invocation("exit4.sh", in: dir)
    invocation.workingDirectory = "/nonexistent/dir"
    guard case .failure(let error) = await executor.run(invocation) else {
      Issue.record("a missing working directory must fail")
      return
    }
    #expect(error.message.contains("/nonexistent/dir") && error.message.contains("No such file"))
    invocation = Support.invocation("exit4.sh", in: dir)
    invocation.argv = ["no-such-program-hpctest"]
    guard case .failure(let missing) = await executor.run(invocation) else {
      Issue.record("a missing program must fail")
      return
    }
    #expect(missing.message.contains("no-such-program-hpctest"))
  }

  static let cgroupsWritable = expected(.cgroup) == .cgroup

  /// The program runs inside the cgroup made for it from its first instruction (born there by clone3, or moved by a
  /// `cgroup.procs` write where clone3 cannot), with either supervisor.
  @Test(.enabled(if: cgroupsWritable, "cgroups are not writable here"), arguments: supervisors)
  func programRunsInTheCgroupMadeForIt(_ program: Bool) async throws {
    let dir = Support.temporaryDirectory()
    let invocation = Invocation(
      argv: ["/bin/cat", "/proc/self/cgroup"], environment: [:], workingDirectory: dir, outputPath: dir + "/out.txt")
    let outcome = try await LocalExecutor(containment: .everything(.cgroup), supervisorProgram: program).run(
      invocation
    ).get()
    #expect(outcome.termination == .exited(0) && outcome.containedBy == .cgroup)
    let unified = Support.read(dir + "/out.txt").split(separator: "\n").first { $0.hasPrefix("0::") }
    let leaf = unified?.split(separator: "/").last.map(String.init) ?? ""
    #expect(leaf.hasPrefix("hpctest-\(getpid())-"), "\(Support.read(dir + "/out.txt"))")
  }

  @Test(.enabled(if: cgroupsWritable, "cgroups are not writable here"))
  func staleCgroupsOfADeadHpctestAreRemoved() async throws {
    let tree = try #require(CgroupTree.current)
    let stale = tree.base + "/hpctest-\(Int32.max - 7)-1"
    #expect(ProcessControl.makeDirectory(stale))
    tree.sweepStale()
    #expect(!FileManagerLite.exists(stale))
  }
}

/// `access(2)` existence check for the tests.
enum FileManagerLite {
  static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}
