import HPCBasics
import TestSupport
import Testing

@testable import Checks

#if canImport(Glibc)
  import Glibc
#endif

/// The two-node RDMA checks (`rdma.pair-*`): recorded outputs parsed, the side chosen from the topology file, the
/// client retrying until the server listens, and every way a port can end (judged, degraded, no peer).
@Suite struct PairCheckTests {
  @Test(arguments: [
    ("ib_read_lat.roce-sriov-client.excerpt.txt", 2.69 as Double?),
    ("ib_read_lat.rxe-client.excerpt.txt", 302.23),
    ("ib_read_lat.rxe-server.excerpt.txt", nil),
  ])
  func recordedLatency(file: String, microseconds: Double?) {
    #expect(Perftest.latencyMicroseconds(Fixture.tool(file)) == microseconds)
  }

  @Test func recordedBandwidthWithWarningsInsideTheTable() throws {
    let gbps = try #require(Perftest.bandwidthGbps(Fixture.tool("ib_write_bw.roce-sriov-client.excerpt.txt")))
    #expect(abs(gbps - 88.19768) < 1e-9)
  }

  @Test func recordedPingpongSummary() throws {
    let summary = try #require(RCPingpong(parsing: Fixture.tool("ibv_rc_pingpong.cx5-cx6-client.excerpt.txt")))
    #expect(summary.iterations == 1000)
    #expect(summary.microsecondsPerIteration == 7.59)
    #expect(summary.megabitsPerSecond == 8635.66)
    #expect(RCPingpong(parsing: Fixture.tool("ib_read_lat.rxe-server.excerpt.txt")) == nil)
  }

  /// A topology file in tmt's layout for guests `server-1` (role server, 10.0.0.1) and `client-1` (role client).
  static func topology(current: String, serverRole: String = "server", serverAddress: String = "10.0.0.1") -> String {
    let directory = Self.temporaryDirectory()
    let guests = [("server-1", serverRole, serverAddress), ("client-1", "client", "10.0.0.2"), ("spare-1", "", "")]
    func node(_ guest: (String, String, String), indent: String) -> String {
      let role = guest.1.isEmpty ? "null" : guest.1
      let host = guest.2.isEmpty ? "null" : guest.2
      return "\(indent)hostname: \(host)\n\(indent)name: \(guest.0)\n\(indent)role: \(role)\n"
    }
    var text = "guest:\n" + node(guests.first { $0.0 == current }!, indent: "  ")
    text += "guest-names:\n" + guests.map { "- \($0.0)\n" }.joined() + "guests:\n"
    for guest in guests.sorted(by: { $0.0 < $1.0 }) { text += "  \(guest.0):\n" + node(guest, indent: "    ") }
    FileSystem.write(directory + "/tmt-test-topology.yaml", text)
    return directory + "/tmt-test-topology.yaml"
  }

  static func temporaryDirectory() -> String {
    Scratch.directory("hpctest-pair-")
  }

  static func context(_ runner: any ToolRunner, topology: String?, expect: [String: String] = [:]) -> CheckContext {
    var flags = ["ib-ports": "mlx5_0/1,mlx5_1/1"]
    flags.merge(expect) { $1 }
    return CheckContext(
      root: Fixture.root("intel-max1550-ib-x86_64"), runner: runner, expectations: Expectations(flags: flags),
      topologyFile: topology)
  }

  @Test func sideComesFromTheTopologyFile() {
    let runner = FakeToolRunner([:])
    let server = PairRun.side(Self.context(runner, topology: Self.topology(current: "server-1")), check: "c")
    #expect((try? server.get()) == .server)
    let client = PairRun.side(Self.context(runner, topology: Self.topology(current: "client-1")), check: "c")
    #expect((try? client.get()) == .client(peer: "10.0.0.1"))
  }

  @Test(arguments: [
    (nil as String?, CheckOutcome.skip, "not in a multihost plan"),
    ("spare-1", .skip, "guest 'spare-1' has no role; c runs on roles 'server' and 'client'"),
    ("client-1 no-server", .error, "no other guest has the role 'server'"),
    ("client-1 no-address", .error, "the server guest 'server-1' has no address"),
    ("/nonexistent", .error, "cannot read the topology file '/nonexistent'"),
  ])
  func sideProblemsAreResults(current: String?, outcome: CheckOutcome, message: String) {
    var path: String? = nil
    switch current {
    case "client-1 no-server": path = Self.topology(current: "client-1", serverRole: "storage")
    case "client-1 no-address": path = Self.topology(current: "client-1", serverAddress: "")
    case "/nonexistent": path = "/nonexistent"
    case .some(let name): path = Self.topology(current: name)
    case nil: path = nil
    }
    guard case .failure(let stop) = PairRun.side(Self.context(FakeToolRunner([:]), topology: path), check: "c") else {
      Issue.record("expected a stop")
      return
    }
    #expect(stop.result.outcome == outcome)
    #expect(stop.result.items.first?.message.contains(message) == true, "\(stop.result.items)")
  }
}
