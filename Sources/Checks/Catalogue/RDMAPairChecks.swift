/// Two-node RDMA checks: a perftest or verbs tool between the guest with role `server` and the guest with role
/// `client` of a multihost plan (`plans/rdma-pair`), per active port, judged like the loopback checks.
enum RDMAPairChecks {
  static let all = [bandwidth, latency, pingpong]

  /// How long the server listens and the client keeps trying (`pair-timeout`, default 120 s).
  static func wait(_ context: CheckContext) -> Duration { .seconds(context.expectations.int("pair-timeout") ?? 120) }

  static let bandwidth = CheckDefinition(
    "rdma.pair-bw",
    "ib_write_bw between the server and client guests per active port ≥ bw-fraction × the port rate",
    needs: "ib_write_bw, roles server and client", keys: ["bw-fraction", "bw-duration", "pair-timeout"]
  ) { context in
    let fraction = context.expectations.double("bw-fraction") ?? 0.9
    let duration = context.expectations.int("bw-duration") ?? 5
    let pair = PairRun(
      check: "rdma.pair-bw", tool: "ib_write_bw", basePort: 18515,
      extra: ["--report_gbits", "-D", String(duration)], runTime: .seconds(duration + 15), wait: wait(context))
    return await pair.check(context) { port, output in
      BandwidthJudge.judge(
        port.label, gbps: Perftest.bandwidthGbps(output), lineRate: port.rateGbps, fraction: fraction)
    }
  }

  static let latency = CheckDefinition(
    "rdma.pair-lat",
    "ib_read_lat between the server and client guests per active port (figure; fails above lat-max-us when set)",
    needs: "ib_read_lat, roles server and client", keys: ["lat-max-us", "pair-timeout"]
  ) { context in
    let maximum = context.expectations.double("lat-max-us")
    let pair = PairRun(
      check: "rdma.pair-lat", tool: "ib_read_lat", basePort: 18615, extra: [], runTime: .seconds(15),
      wait: wait(context))
    return await pair.check(context) { port, output in
      BandwidthJudge.latency(port.label, microseconds: Perftest.latencyMicroseconds(output), maximum: maximum)
    }
  }

  static let pingpong = CheckDefinition(
    "rdma.pair-pingpong", "ibv_rc_pingpong between the server and client guests completes on every active port",
    needs: "ibv_rc_pingpong, roles server and client", keys: ["pair-timeout"]
  ) { context in
    let pair = PairRun(
      check: "rdma.pair-pingpong", tool: "ibv_rc_pingpong", basePort: 18415, extra: [], runTime: .seconds(15),
      wait: wait(context))
    return await pair.check(context, judge: judgePingpong)
  }

  /// A completed ping-pong passes with its round-trip time and throughput as figures.
  static func judgePingpong(_ port: PortFacts, _ output: String) -> (CheckItem, [CheckFigure]) {
    guard let summary = RCPingpong(parsing: output) else {
      return (CheckItem(port.label, .error, "\(port.label): no ping-pong summary in ibv_rc_pingpong's output"), [])
    }
    let text =
      "\(port.label): RC ping-pong \(summary.iterations) iters, \(summary.microsecondsPerIteration.formatted()) "
      + "usec/iter, \(summary.megabitsPerSecond.formatted()) Mbit/s"
    let figures = [
      CheckFigure("\(port.label):pingpong-lat", value: summary.microsecondsPerIteration, unit: "us"),
      CheckFigure("\(port.label):pingpong-bw", value: summary.megabitsPerSecond, unit: "Mb/s"),
    ]
    return (CheckItem(port.label, .pass, text), figures)
  }
}
