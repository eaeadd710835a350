import HPCBasics
import Reporting
import TMTModel
import Testing
import YAML

@testable import Workflow

#if canImport(Glibc)
  import Glibc
#endif

/// `provision: how: connect` and multihost plans against a real sshd on 127.0.0.1 (the guest shares this
/// machine's file system, so what the guest wrote is checked in place).
@Suite(.serialized) struct ConnectTests {
  static func connect(_ server: SSHGuest.Server, name: String = "default-0", role: String? = nil) -> TMTPhase {
    var data: [(String, YAMLNode)] = [
      ("name", YAMLNode(.string(name))), ("how", YAMLNode(.string("connect"))),
      ("guest", YAMLNode(.string("127.0.0.1"))), ("user", YAMLNode(.string(server.user))),
      ("port", YAMLNode(.int(server.port))), ("key", YAMLNode(.string(server.key))),
    ]
    if let role { data.append(("role", YAMLNode(.string(role)))) }
    return TMTPhase(name: name, how: "connect", data: data)
  }

  static let reporting = """
    echo "tree=$TMT_TREE"
    echo hello > "$TMT_TEST_DATA/from-guest.txt"
    tmt-report-result /sub PASS
    """

  @Test func testsRunOnTheGuestWithTmtVariablesAndFilesComeBack() async throws {
    let server = try await SSHGuest.shared.get()
    let harness = Harness()
    let plan = Harness.plan("/plans", extra: [.provision: [Self.connect(server)]])
    let tests = [Harness.test("/tests/a", Self.reporting), Harness.test("/tests/b", "exit 1")]
    let code = try await harness.run(tests, plans: [plan])
    #expect(code == 1)
    let results = try harness.results()
    #expect(results.map(\.result) == [.pass, .fail])
    #expect(results.map(\.guest.name) == ["default-0", "default-0"])
    #expect(results[0].subresult.map(\.name) == ["/sub"])
    let invocation = "plans/execute/data/guest/default-0/tests/a-1"
    #expect(harness.read(invocation + "/data/from-guest.txt") == "hello\n")
    let staged = harness.runDirectory + "/plans/discover/default-0/tests"
    #expect(harness.read(invocation + "/output.txt").contains("tree=\(staged)\n"))
    #expect(FileSystem.exists(harness.runDirectory + "/ssh/default-0"))
  }

  @Test func commandLineOptionsOverrideThePlanAndPasswordIsRefused() async throws {
    let server = try await SSHGuest.shared.get()
    let harness = Harness()
    var phase = Self.connect(server)
    phase.data = phase.data.map { $0.0 == "port" ? ("port", YAMLNode(.int(1))) : $0 }
    let plan = Harness.plan("/plans", extra: [.provision: [phase]])
    let code = try await harness.run(
      [Harness.test("/tests/a", "true")], plans: [plan],
      arguments: ["-a", "provision", "-h", "connect", "-g", "127.0.0.1", "-P", String(server.port), "-k", server.key])
    #expect(code == 0)
    #expect(try harness.results().map(\.result) == [.pass])
    #expect(throws: Diagnostic.self) { try RunArguments.parse(["provision", "-h", "connect", "-p", "secret"]) }
    #expect(throws: Diagnostic.self) { try RunArguments.parse(["provision", "-h", "connect", "-P", "0"]) }
  }

  @Test func unreachableGuestFailsThePlanNamingIt() async throws {
    let harness = Harness()
    let server = SSHGuest.Server(port: 1, key: "/nonexistent", user: "root")
    let plan = Harness.plan("/plans", extra: [.provision: [Self.connect(server, name: "node-x")]])
    let code = try await harness.run([Harness.test("/tests/a", "true")], plans: [plan])
    #expect(code == 2)
    #expect(harness.lines.all.contains { $0.contains("/plans:provision[node-x]") && $0.contains("guest 'node-x'") })
  }

  /// When a later guest cannot be reached, the guests connected before it are closed: no master connection to
  /// them is left (the server is this test's own, so its port names only this run's connections).
  @Test func aGuestThatCannotConnectClosesTheOnesBefore() async throws {
    let server = try await SSHGuest.start()
    defer { SSHGuest.stop(server) }
    let harness = Harness()
    let nowhere = SSHGuest.Server(port: 1, key: server.key, user: server.user)
    let plan = Harness.plan(
      "/plans", extra: [.provision: [Self.connect(server, name: "first"), Self.connect(nowhere, name: "second")]])
    let code = try await harness.run([Harness.test("/tests/a", "true")], plans: [plan])
    #expect(code == 2)
    #expect(harness.lines.all.contains { $0.contains("/plans:provision[second]") })
    #expect(try await ProcessCount.matching("-p\(server.port) ") == 0, "no ssh to the first guest is left")
  }

  @Test func multihostWhereRolesAndTopology() async throws {
    let server = try await SSHGuest.shared.get()
    let harness = Harness()
    var plan = Harness.plan(
      "/plans",
      extra: [
        .provision: [
          Self.connect(server, name: "server-1", role: "server"),
          Self.connect(server, name: "client-1", role: "client"),
        ]
      ])
    plan.steps[.discover] = [
      TMTPhase(
        name: "serve", how: "fmf",
        data: [("test", YAMLNode(.string("/tests/s"))), ("where", YAMLNode(.string("server")))]),
      TMTPhase(name: "both", how: "fmf", data: [("test", YAMLNode(.string("/tests/both")))]),
    ]
    let topology =
      "cat \"$TMT_TOPOLOGY_BASH\"; . \"$TMT_TOPOLOGY_BASH\"; echo \"me=${TMT_GUEST[name]} servers=${TMT_ROLES[server]}\""
    let tests = [Harness.test("/tests/s", "true"), Harness.test("/tests/both", topology)]
    let junit = harness.workdirRoot + "/junit.xml"
    let code = try await harness.run(tests, plans: [plan], arguments: ["-a", "report", "-h", "junit", "--file", junit])
    #expect(code == 0)
    let xml = FileSystem.readText(junit) ?? ""
    for name in ["/serve/tests/s", "/both/tests/both (server-1)", "/both/tests/both (client-1)"] {
      #expect(xml.contains("<testcase name=\"\(name)\""), "\(name) in \(xml)")
    }
    let results = try harness.results()
    #expect(
      results.map { "\($0.guest.name):\($0.guest.role ?? "-"):\($0.name)" } == [
        "server-1:server:/serve/tests/s", "server-1:server:/both/tests/both", "client-1:client:/both/tests/both",
      ])
    let output = harness.read("plans/execute/data/guest/client-1/both/tests/both-2/output.txt")
    #expect(output.contains("me=client-1 servers=server-1\n"))
    #expect(output.contains("TMT_ROLES[client]=\"client-1\""))
  }

  /// Guests run at the same time: the server's test waits for a file the client's test creates (both guests are
  /// this machine), which could never happen if the guests ran one after another.
  @Test func guestsRunConcurrently() async throws {
    let server = try await SSHGuest.shared.get()
    let harness = Harness()
    let flag = harness.workdirRoot + "/client-ready"
    let plan = Harness.plan(
      "/plans",
      extra: [
        .provision: [
          Self.connect(server, name: "server-1", role: "server"),
          Self.connect(server, name: "client-1", role: "client"),
        ]
      ])
    let script = """
      . "$TMT_TOPOLOGY_BASH"
      if [ "${TMT_GUEST[role]}" = client ]; then touch '\(flag)'; exit 0; fi
      for i in $(seq 600); do [ -e '\(flag)' ] && exit 0; sleep 0.1; done; exit 1
      """
    let code = try await harness.run([Harness.test("/tests/rendezvous", script, duration: "2m")], plans: [plan])
    #expect(code == 0)
    #expect(
      try harness.results().map { "\($0.guest.name)=\($0.result.rawValue)" } == ["server-1=pass", "client-1=pass"])
  }

  /// At `duration` the remote session is torn down (a background `sleep 3000` and a child ignoring SIGTERM are
  /// gone) and the test is `error` with tmt's timeout check; the next test still runs on the guest.
  @Test func durationTearsDownTheRemoteSession() async throws {
    let server = try await SSHGuest.shared.get()
    let harness = Harness()
    let plan = Harness.plan("/plans", extra: [.provision: [Self.connect(server)]])
    let stuck = """
      sleep 3000 & echo $! > "$TMT_TEST_DATA/sleep"
      sh -c 'trap "" TERM; echo $$ > "$TMT_TEST_DATA/stubborn"; while :; do sleep 1; done' &
      wait
      """
    let code = try await harness.run(
      [Harness.test("/tests/stuck", stuck, duration: "3s"), Harness.test("/tests/next", "true")], plans: [plan])
    #expect(code == 2)
    let results = try harness.results()
    #expect(results.map(\.result) == [.error, .pass])
    #expect(results.first?.check.map(\.name) == ["internal/timeout"])
    let data = "plans/execute/data/guest/default-0/tests/stuck-1/data/"
    for file in ["sleep", "stubborn"] {
      let pid = harness.read(data + file).filter(\.isNumber)
      for _ in 0..<100 where FileSystem.exists("/proc/\(pid)/cmdline") { try await Task.sleep(for: .milliseconds(20)) }
      #expect(!pid.isEmpty && !FileSystem.exists("/proc/\(pid)/cmdline"), "\(file) process \(pid) is gone")
    }
  }

  /// A guest that drops mid-test (its sshd killed): that test is `error` with a note naming the guest, and the
  /// run goes on to the next test, which cannot reach the guest either.
  @Test func droppedGuestMakesTheTestAnErrorAndTheRunGoesOn() async throws {
    let server = try await SSHGuest.start()
    let harness = Harness()
    let plan = Harness.plan("/plans", extra: [.provision: [Self.connect(server, name: "flaky-1")]])
    let started = harness.workdirRoot + "/started"
    let script = "echo $$ > '\(started).tmp'; mv '\(started).tmp' '\(started)'; exec sleep 3000"
    let task = Task {
      try await harness.run([Harness.test("/tests/a", script), Harness.test("/tests/b", "true")], plans: [plan])
    }
    for _ in 0..<1500 where !FileSystem.exists(started) { try await Task.sleep(for: .milliseconds(20)) }
    SSHGuest.stop(server)
    let code = try await task.value
    // The guest is this machine: end what the dropped connection left behind.
    if let pid = Int32((FileSystem.readText(started) ?? "").filter(\.isNumber)) { kill(pid, SIGKILL) }
    #expect(code == 2)
    let results = try harness.results()
    #expect(results.map(\.result) == [.error, .error])
    #expect(
      results.first?.note.first?.hasPrefix("guest 'flaky-1' (\(server.user)@127.0.0.1:\(server.port)) dropped") == true)
    #expect(results.last?.note.first?.contains("guest 'flaky-1'") == true)
  }
}
