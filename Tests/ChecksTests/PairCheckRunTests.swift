import HPCBasics
import Testing

@testable import Checks

/// Serves a queue of outcomes per device (`-d DEV`), the last one repeated, and records every argv.
actor ScriptedRuns {
  private var queues: [String: [ToolOutcome]]
  private(set) var calls: [[String]] = []

  init(_ queues: [String: [ToolOutcome]]) { self.queues = queues }

  func next(_ argv: [String]) -> ToolOutcome {
    calls.append(argv)
    let device = argv.firstIndex(of: "-d").map { argv[$0 + 1] } ?? ""
    guard var queue = queues[device], let first = queue.first else { return .notFound("\(argv[0]) not found") }
    if queue.count > 1 { queue.removeFirst() }
    queues[device] = queue
    return first
  }
}

/// A tool runner answering from `ScriptedRuns`.
struct ScriptedToolRunner: ToolRunner {
  var runs: ScriptedRuns
  func run(_ argv: [String], timeout: Duration) async -> ToolOutcome { await runs.next(argv) }
}

/// The pair checks end to end on one side, with recorded outputs: what each port's run gives.
@Suite struct PairCheckRunTests {
  static let refused = ToolOutcome.finished(status: 1, output: " Couldn't connect to 10.0.0.1:18515\n")

  static func recorded(_ file: String) -> ToolOutcome { .finished(status: 0, output: Fixture.tool(file)) }

  @Test func clientRetriesUntilTheServerListensThenJudgesEachPort() async {
    let runs = ScriptedRuns([
      "mlx5_0": [Self.refused, Self.refused, Self.recorded("ib_write_bw.roce-sriov-client.excerpt.txt")],
      "mlx5_1": [Self.recorded("ib_write_bw.postlist-8B-D60.txt")],
    ])
    let topology = PairCheckTests.topology(current: "client-1")
    let context = PairCheckTests.context(
      ScriptedToolRunner(runs: runs), topology: topology,
      expect: ["bw-fraction": "0.2", "bw-duration": "3", "pair-timeout": "86400"])
    let result = await CheckCatalogue.run("rdma.pair-bw", context)
    #expect(result.item("mlx5_0/1")?.outcome == .pass)
    #expect(result.item("mlx5_0/1")?.message == "mlx5_0/1: 88.2 Gb/s, expected ≥ 80.0 Gb/s (0.2 × 400.0 Gb/s)")
    #expect(result.item("mlx5_1/1")?.outcome == .fail)
    #expect(result.item("mlx5_1/1")?.message == "mlx5_1/1: 0.48 Gb/s, expected ≥ 80.0 Gb/s (0.2 × 400.0 Gb/s)")
    #expect(result.figures.map(\.name) == ["mlx5_0/1:bw", "mlx5_1/1:bw"])
    #expect(result.notes.contains("role client: ib_write_bw connects to the server guest at 10.0.0.1"))
    let calls = await runs.calls
    #expect(calls.count == 4)
    #expect(
      calls.last == [
        "ib_write_bw", "-d", "mlx5_1", "-i", "1", "-p", "18516", "--report_gbits", "-D", "3", "10.0.0.1",
      ])
  }

  @Test func clientGivesUpAfterPairTimeout() async {
    let runs = ScriptedRuns(["mlx5_0": [Self.refused], "mlx5_1": [Self.refused]])
    let context = PairCheckTests.context(
      ScriptedToolRunner(runs: runs), topology: PairCheckTests.topology(current: "client-1"),
      expect: ["pair-timeout": "1", "ib-ports": "mlx5_0/1"])
    let result = await CheckCatalogue.run("rdma.pair-lat", context)
    #expect(result.outcome == .error)
    #expect(
      result.item("mlx5_0/1")?.message.hasPrefix(
        "mlx5_0/1: the ib_read_lat server at 10.0.0.1:18615 did not accept within 1 s") == true)
  }

  @Test func serverOutcomes() async {
    let waiting = Fixture.recorded("ib_write_bw.roce-D10-server.excerpt.txt")
    let runs = ScriptedRuns([
      "mlx5_0": [.finished(status: 0, output: waiting)],
      "mlx5_1": [.timedOut(output: "* Waiting for client to connect... *\n")],
    ])
    let context = PairCheckTests.context(
      ScriptedToolRunner(runs: runs), topology: PairCheckTests.topology(current: "server-1"),
      expect: ["pair-timeout": "7"])
    let result = await CheckCatalogue.run("rdma.pair-bw", context)
    #expect(result.item("mlx5_0/1")?.outcome == .pass)
    #expect(result.item("mlx5_1/1")?.outcome == .error)
    #expect(
      result.item("mlx5_1/1")?.message
        == "mlx5_1/1: no client connected to the ib_write_bw server on TCP port 18516 within 27 s; the listener was stopped"
    )
    #expect(
      await runs.calls.first == ["ib_write_bw", "-d", "mlx5_0", "-i", "1", "-p", "18515", "--report_gbits", "-D", "5"])
    #expect(result.figures.isEmpty, "the server side judges nothing: the client holds the figures")
  }

  @Test func serverTimedOutAfterItsClientConnected() async {
    let connected = Fixture.recorded("ib_read_lat.rxe-server.excerpt.txt")
    let runs = ScriptedRuns(["mlx5_0": [.timedOut(output: connected)]])
    let context = PairCheckTests.context(
      ScriptedToolRunner(runs: runs), topology: PairCheckTests.topology(current: "server-1"),
      expect: ["ib-ports": "mlx5_0/1", "pair-timeout": "2"])
    let result = await CheckCatalogue.run("rdma.pair-lat", context)
    #expect(
      result.items.map(\.message) == [
        "mlx5_0/1: ib_read_lat server timed out after 17 s with the client connected; stopped"
      ])
  }

  @Test func absentToolSkipsAndARequiredOneFails() async {
    let topology = PairCheckTests.topology(current: "server-1")
    let absent = await CheckCatalogue.run(
      "rdma.pair-pingpong", PairCheckTests.context(FakeToolRunner([:]), topology: topology))
    #expect(absent.outcome == .skip)
    let required = PairCheckTests.context(
      FakeToolRunner([:]), topology: topology, expect: ["required-tools": "ibv_rc_pingpong"])
    #expect(await CheckCatalogue.run("rdma.pair-pingpong", required).outcome == .fail)
  }

  @Test func pingpongClientReportsItsFigures() async {
    let runs = ScriptedRuns(["mlx5_0": [Self.recorded("ibv_rc_pingpong.cx5-cx6-client.excerpt.txt")]])
    let context = PairCheckTests.context(
      ScriptedToolRunner(runs: runs), topology: PairCheckTests.topology(current: "client-1"),
      expect: ["ib-ports": "mlx5_0/1"])
    let result = await CheckCatalogue.run("rdma.pair-pingpong", context)
    #expect(result.items.map(\.message) == ["mlx5_0/1: RC ping-pong 1000 iters, 7.59 usec/iter, 8635.66 Mbit/s"])
    #expect(result.figures.map(\.name) == ["mlx5_0/1:pingpong-lat", "mlx5_0/1:pingpong-bw"])
    #expect(await runs.calls == [["ibv_rc_pingpong", "-d", "mlx5_0", "-i", "1", "-p", "18415", "10.0.0.1"]])
  }
}
