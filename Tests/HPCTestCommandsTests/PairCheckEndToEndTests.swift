import Glibc
import HPCBasics
import Testing

/// The two-node RDMA checks end to end: the built `hpctest` runs a two-guest multihost plan (roles server and
/// client, both `connect`ed to a real sshd on 127.0.0.1) whose tests run `hpctest check rdma.pair-*` on the
/// guests. The tools are stand-ins (`Fixtures/pair/standins`) that really listen and connect over TCP and replay
/// recorded perftest / ibv_rc_pingpong output; the sysroot is the Intel Max 1550 + ConnectX-7 fixture (two 400 Gb/s ports selected).
/// Serialized: the stand-ins use the checks' fixed TCP ports.
@Suite(.serialized) struct PairCheckEndToEndTests {
  static let fixtures = EndToEndTests.repository + "/Tests/HPCTestCommandsTests/Fixtures/pair"
  static let recorded = EndToEndTests.repository + "/Tests/ChecksTests/Fixtures/tools"

  /// Recorded output per tool, side and (optionally) device, as the stand-ins look them up.
  static let recordings = [
    "ib_write_bw.server.txt": "ib_write_bw.roce-D10-server.excerpt.txt",
    "ib_write_bw.client.mlx5_0.txt": "ib_write_bw.roce-sriov-client.excerpt.txt",
    "ib_write_bw.client.mlx5_1.txt": "ib_write_bw.postlist-8B-D60.txt",
    "ib_read_lat.server.txt": "ib_read_lat.rxe-server.excerpt.txt",
    "ib_read_lat.client.txt": "ib_read_lat.roce-sriov-client.excerpt.txt",
    "ibv_rc_pingpong.server.txt": "ibv_rc_pingpong.cx5-cx6-client.excerpt.txt",
    "ibv_rc_pingpong.client.txt": "ibv_rc_pingpong.cx5-cx6-client.excerpt.txt",
  ]

  /// A copy of the fixture tree with the sshd and stand-in placeholders filled in, and the recordings directory.
  static func tree(in directory: String, server: SSHServer) -> String {
    let recordings = directory + "/recordings"
    _ = FileSystem.makeDirectories(recordings)
    for (name, file) in Self.recordings {
      let text = FileSystem.readText(recorded + "/" + file) ?? ""
      let body = text.firstRange(of: "\n---\n").map { String(text[$0.upperBound...]) } ?? text
      _ = FileSystem.write(recordings + "/" + name, body)
    }
    #expect(system("cp -a '\(fixtures)/tree' '\(directory)/tree'") == 0)
    var plan = FileSystem.readText(fixtures + "/tree/plans/main.fmf.in") ?? ""
    let values = [
      "@PORT@": String(server.port), "@USER@": server.user, "@KEY@": server.key,
      "@STANDINS@": fixtures + "/standins", "@RECORDINGS@": recordings,
    ]
    for (key, value) in values { plan = plan.replacing(key, with: value) }
    _ = FileSystem.write(directory + "/tree/plans/main.fmf", plan)
    return directory + "/tree"
  }

  static func run(_ plan: String, in directory: String, server: SSHServer) -> EndToEndTests.Outcome {
    let tree = Self.tree(in: directory, server: server)
    return EndToEndTests.hpctest(
      [
        "--sysroot", EndToEndTests.sysroots + "/intel-max1550-ib-x86_64", "run", "--id", directory + "/run", "-a", plan,
      ],
      in: tree)
  }

  /// Both sides run at once; the client judges each port against the port rate and names the degraded one.
  @Test func serverAndClientPairUpPerPort() throws {
    let server = try SSHServer.get()
    let directory = EndToEndTests.temporaryDirectory()
    let outcome = Self.run("plans/pair", in: directory, server: server)
    #expect(outcome.status == 1, "a degraded port fails the run: \(outcome.output)")
    let results = FileSystem.readText(directory + "/run/plans/pair/execute/results.yaml") ?? ""
    let summary = PairResults.summary(results)
    #expect(
      summary == [
        "/tests/bw server-1 pass", "/tests/bw client-1 fail", "/tests/lat server-1 pass",
        "/tests/lat client-1 pass", "/tests/pingpong server-1 pass", "/tests/pingpong client-1 pass",
      ], "\(results)")
    let data = directory + "/run/plans/pair/execute/data/guest"
    let clientBW = PairResults.output(data + "/client-1", test: "bw")
    #expect(clientBW.contains("pass  mlx5_0/1: 88.2 Gb/s, expected ≥ 80.0 Gb/s (0.2 × 400.0 Gb/s)"), "\(clientBW)")
    #expect(clientBW.contains("fail  mlx5_1/1: 0.48 Gb/s, expected ≥ 80.0 Gb/s (0.2 × 400.0 Gb/s)"))
    #expect(clientBW.contains("note  role client: ib_write_bw connects to the server guest at 127.0.0.1"))
    let serverBW = PairResults.output(data + "/server-1", test: "bw")
    #expect(serverBW.contains("pass  mlx5_1/1: ib_write_bw server on TCP port 18516 ran with its client"))
    #expect(PairResults.output(data + "/client-1", test: "lat").contains("pass  mlx5_0/1: 2.69 us"))
    #expect(PairResults.output(data + "/client-1", test: "pingpong").contains("7.59 usec/iter"))
    #expect(PairResults.leftovers(directory + "/recordings").isEmpty)
  }

  /// A server whose client never comes: `error` (a failed test) naming the port after the bounded wait, and neither a stand-in
  /// process nor a listener is left behind.
  @Test func serverWithoutClientStopsItsListener() throws {
    let server = try SSHServer.get()
    let directory = EndToEndTests.temporaryDirectory()
    let started = ContinuousClock.now
    let outcome = Self.run("plans/lonely", in: directory, server: server)
    let elapsed = ContinuousClock.now - started
    #expect(outcome.status == 1, "\(outcome.output)")
    #expect(elapsed < .seconds(200), "bounded: pair-timeout 2 s + 15 s for the run (the test's duration is 5 m)")
    let results = FileSystem.readText(directory + "/run/plans/lonely/execute/results.yaml") ?? ""
    // The check's `error` reaches the harness as `fail` (tmt-report-result cannot report `error`; the message
    // keeps the check's own outcome).
    #expect(PairResults.summary(results) == ["/tests/lat server-1 fail"], "\(results)")
    let output = PairResults.output(directory + "/run/plans/lonely/execute/data/guest/server-1", test: "lat")
    #expect(
      output.contains(
        "error mlx5_0/1: no client connected to the ib_read_lat server on TCP port 18615 within 17 s; the listener "
          + "was stopped"), "\(output)")
    #expect(PairResults.leftovers(directory + "/recordings").isEmpty, "no stand-in process left")
    #expect(!PairResults.listening(port: 18615), "no listener left on TCP port 18615")
  }
}

extension PairCheckEndToEndTests {
  /// SIGTERM to `hpctest check` while its server listens (a test's teardown): the check tears the listener down
  /// before it exits and says so.
  @Test func interruptedServerStopsItsListener() throws {
    let directory = EndToEndTests.temporaryDirectory()
    let topology = directory + "/tmt-test-topology.yaml"
    let guest = "  hostname: 127.0.0.1\n  name: server-1\n  role: server\n"
    _ = FileSystem.write(topology, "guest:\n" + guest + "guests:\n  server-1:\n" + guest.replacing("  ", with: "    "))
    let environment = [
      "HPCTEST_TOOL_PATH=\(Self.fixtures)/standins", "STANDIN_RECORDINGS=\(directory)",
      "TMT_TOPOLOGY_YAML=\(topology)", "HPCTEST_EXPECT_IB_PORTS=mlx5_0/1",
    ].map { "'\($0)'" }.joined(separator: " ")
    let command =
      "env \(environment) '\(EndToEndTests.binary)' --sysroot '\(EndToEndTests.sysroots)/intel-max1550-ib-x86_64' "
      + "check rdma.pair-lat >'\(directory)/out.txt' 2>&1 </dev/null & echo $! >'\(directory)/pid'"
    #expect(system(command) == 0)
    let pid = try #require(Int32((FileSystem.readText(directory + "/pid") ?? "").filter(\.isNumber)))
    #expect(Self.within(.seconds(30)) { PairResults.listening(port: 18615) }, "the stand-in server listens")
    kill(pid, SIGTERM)
    #expect(Self.within(.seconds(15)) { Self.gone(pid) }, "hpctest check ends after SIGTERM")
    #expect(!PairResults.listening(port: 18615))
    #expect(PairResults.leftovers(directory).isEmpty)
    let output = FileSystem.readText(directory + "/out.txt") ?? ""
    #expect(output.contains("error mlx5_0/1: interrupted; the ib_read_lat listener was stopped"), "\(output)")
  }

  /// Polls `condition` every 0.1 s until it holds or `limit` has passed.
  static func within(_ limit: Duration, _ condition: () -> Bool) -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
      if condition() { return true }
      usleep(100_000)
    }
    return condition()
  }

  /// True when `pid` has exited (no process, or a zombie nobody reaped yet).
  static func gone(_ pid: Int32) -> Bool {
    guard let stat = FileSystem.readText("/proc/\(pid)/stat"), let close = stat.lastIndex(of: ")") else { return true }
    return stat[stat.index(after: close)...].split(separator: " ").first == "Z"
  }
}
