import HPCBasics
import TMTModel
import Testing
import YAML

@testable import Workflow

/// How a two-guest plan is queued, as tmt 1.78 does: a prepare or finish phase runs on all its guests at once, the
/// execute step runs one discover phase after another (its guests at once), and a `where` that selects no guest is
/// an error. Both guests `connect` to the same sshd on 127.0.0.1, so their scripts can meet in the file system.
@Suite(.serialized) struct MultihostQueueTests {
  static func guests(_ server: SSHGuest.Server) -> [TMTPhase] {
    [
      ConnectTests.connect(server, name: "server-1", role: "server"),
      ConnectTests.connect(server, name: "client-1", role: "client"),
    ]
  }

  static func shell(_ name: String, _ script: String, where names: [String] = []) -> TMTPhase {
    var data: [(String, YAMLNode)] = [("script", YAMLNode(.string(script)))]
    if !names.isEmpty { data.append(("where", YAMLNode(.sequence(names.map { YAMLNode(.string($0)) })))) }
    return TMTPhase(name: name, how: "shell", data: data)
  }

  /// A script that leaves `$1/<guest address>-<its own pid>` and waits (at most 60 s) until two such files exist:
  /// it can only finish when the phase runs on both guests at the same time.
  static func rendezvous(_ directory: String) -> String {
    "touch '\(directory)'/$$; for i in $(seq 600); do [ $(ls '\(directory)' | wc -l) -ge 2 ] && exit 0; "
      + "sleep 0.1; done; exit 1"
  }

  @Test func prepareAndFinishPhasesRunOnTheirGuestsAtOnce() async throws {
    let server = try await SSHGuest.shared.get()
    let harness = Harness()
    let prepared = harness.workdirRoot + "/prepared"
    let finished = harness.workdirRoot + "/finished"
    FileSystem.makeDirectories(prepared)
    FileSystem.makeDirectories(finished)
    let plan = Harness.plan(
      "/plans",
      extra: [
        .provision: Self.guests(server), .prepare: [Self.shell("meet", Self.rendezvous(prepared))],
        .finish: [Self.shell("meet", Self.rendezvous(finished), where: ["server", "client-1"])],
      ])
    let code = try await harness.run([Harness.test("/tests/t", "true")], plans: [plan])
    #expect(code == 0, "both guests must run each phase at the same time")
    #expect(FileSystem.list(prepared)?.count == 2)
    #expect(FileSystem.list(finished)?.count == 2)
  }

  /// The second discover phase's test (on the client) starts only after the first phase's test (on the server)
  /// has finished, though the client has nothing else to do.
  @Test func discoverPhasesRunOneAfterAnother() async throws {
    let server = try await SSHGuest.shared.get()
    let harness = Harness()
    let flag = harness.workdirRoot + "/first-done"
    var plan = Harness.plan("/plans", extra: [.provision: Self.guests(server)])
    plan.steps[.discover] = [
      TMTPhase(
        name: "first", how: "fmf",
        data: [("test", YAMLNode(.string("/tests/first"))), ("where", YAMLNode(.string("server")))]),
      TMTPhase(
        name: "second", how: "fmf",
        data: [("test", YAMLNode(.string("/tests/second"))), ("where", YAMLNode(.string("client")))]),
    ]
    let tests = [
      Harness.test("/tests/first", "sleep 2; touch '\(flag)'"), Harness.test("/tests/second", "test -e '\(flag)'"),
    ]
    let code = try await harness.run(tests, plans: [plan])
    #expect(code == 0)
    #expect(
      try harness.results().map { "\($0.name)@\($0.guest.name)=\($0.result.rawValue)" } == [
        "/first/tests/first@server-1=pass", "/second/tests/second@client-1=pass",
      ])
  }

  /// Two runs in one process, started in the same second with the same guest names, each keep their own master
  /// connections: the shorter run closing its guests must not cut the longer run's test off (ssh 255).
  @Test func runsAtOnceKeepTheirOwnConnections() async throws {
    let server = try await SSHGuest.shared.get()
    let (short, long) = (Harness(), Harness())
    let plan = Harness.plan("/plans", extra: [.provision: Self.guests(server)])
    async let shortCode = short.run([Harness.test("/tests/t", "sleep 0.5")], plans: [plan])
    async let longCode = long.run([Harness.test("/tests/t", "sleep 3")], plans: [plan])
    let codes = try await [shortCode, longCode]
    #expect(codes == [0, 0])
    #expect(try long.results().map(\.result) == [.pass, .pass])
  }

  @Test(arguments: [TMTStep.prepare, .finish, .discover])
  func whereSelectingNoGuestIsAnError(step: TMTStep) async throws {
    let server = try await SSHGuest.shared.get()
    let harness = Harness()
    var plan = Harness.plan("/plans", extra: [.provision: Self.guests(server)])
    if step == .discover {
      plan.steps[.discover] = [
        TMTPhase(name: "typo", how: "fmf", data: [("where", YAMLNode(.string("sever")))])
      ]
    } else {
      plan.steps[step] = [Self.shell("typo", "true", where: ["sever"])]
    }
    let code = try await harness.run([Harness.test("/tests/t", "true")], plans: [plan])
    #expect(code == 2)
    let expected =
      "/plans:\(step.rawValue)[typo].where: error: no guest is named or has the role 'sever': no guests queued for "
      + "phase 'typo' (a typo in 'where'?)"
    #expect(harness.lines.all.contains { $0.contains(expected) }, "\(harness.lines.all)")
  }
}
