/// RDMA checks that run the verbs tools.
enum RDMAToolChecks {
  static let all = [verbs, pingpong, loopbackBandwidth, loopbackLatency]

  static let pingpong = CheckDefinition(
    "rdma.pingpong", "ibv_rc_pingpong loopback (server and client on the same port) completes on every active port",
    needs: "ibv_rc_pingpong"
  ) { context in
    let check = "rdma.pingpong"
    let ports: [PortFacts]
    switch activePorts(context, check) {
    case .failure(let stop): return stop.result
    case .success(let found): ports = found
    }
    var items: [CheckItem] = []
    for (index, port) in ports.enumerated() {
      switch await Loopback.run("ibv_rc_pingpong", port, tcpPort: 18415 + index, extra: [], context, check: check) {
      case .failure(let stop):
        if stop.result.items.first?.name == check { return stop.result }
        items += stop.result.items
      case .success(let output):
        let summary = output.lines.last { $0.contains("iters in") }?.trimmed ?? "completed"
        items.append(CheckItem(port.label, .pass, "\(port.label): RC ping-pong \(summary)"))
      }
    }
    return CheckResult(check: check, items: items)
  }

  static let verbs = CheckDefinition(
    "rdma.verbs", "every RDMA device in sysfs is a verbs device (ibv_devinfo)", needs: "ibv_devinfo"
  ) { context in
    let facts = NodeFacts(context)
    guard !facts.rdma.isEmpty else { return .skip("rdma.verbs", "no RDMA device found") }
    switch await context.tool(["ibv_devinfo"], for: "rdma.verbs") {
    case .unavailable(let result): return result
    case .ran(let status, let output):
      let info = IBVDevInfo(parsing: output)
      guard status == 0 || !info.devices.isEmpty else {
        let message = "ibv_devinfo exited \(status): \(output.lines.first ?? ""), expected \(facts.rdma.count) devices"
        return CheckResult(check: "rdma.verbs", items: [CheckItem("rdma.verbs", .fail, message)])
      }
      return CheckResult(check: "rdma.verbs", items: info.judge(facts.rdma))
    }
  }

  /// Active physical-function ports, or a skip result.
  static func activePorts(_ context: CheckContext, _ check: String, facts: NodeFacts? = nil)
    -> Result<[PortFacts], Stop>
  {
    let facts = facts ?? NodeFacts(context)
    switch RDMAChecks.ports(facts, check, expected: context.expectations.list("ib-ports")) {
    case .failure(let stop): return .failure(stop)
    case .success(let selection):
      let active = selection.judged.filter { $0.state.uppercased() == "ACTIVE" }
      return active.isEmpty ? .failure(Stop(.skip(check, "no ACTIVE RDMA port"))) : .success(active)
    }
  }

  static let loopbackBandwidth = CheckDefinition(
    "rdma.loopback-bw", "ib_write_bw loopback per active port ≥ bw-fraction × the port rate", needs: "ib_write_bw",
    keys: ["bw-fraction", "bw-duration"]
  ) { context in
    let ports: [PortFacts]
    switch activePorts(context, "rdma.loopback-bw") {
    case .failure(let stop): return stop.result
    case .success(let found): ports = found
    }
    let fraction = context.expectations.double("bw-fraction") ?? 0.9
    let duration = String(context.expectations.int("bw-duration") ?? 5)
    var result = CheckResult(check: "rdma.loopback-bw", items: [])
    for (index, port) in ports.enumerated() {
      let extra = ["--report_gbits", "-D", duration]
      switch await Loopback.run("ib_write_bw", port, tcpPort: 18515 + index, extra: extra, context, check: result.check)
      {
      case .failure(let stop):
        if stop.result.items.first?.name == result.check { return stop.result }
        result.items += stop.result.items
      case .success(let output):
        let judged = BandwidthJudge.judge(
          port.label, gbps: Perftest.bandwidthGbps(output), lineRate: port.rateGbps, fraction: fraction)
        result.items.append(judged.0)
        result.figures += judged.1
      }
    }
    return result
  }

  static let loopbackLatency = CheckDefinition(
    "rdma.loopback-lat", "ib_read_lat loopback per active port (figure; fails above lat-max-us when set)",
    needs: "ib_read_lat", keys: ["lat-max-us"]
  ) { context in
    let ports: [PortFacts]
    switch activePorts(context, "rdma.loopback-lat") {
    case .failure(let stop): return stop.result
    case .success(let found): ports = found
    }
    let maximum = context.expectations.double("lat-max-us")
    var result = CheckResult(check: "rdma.loopback-lat", items: [])
    for (index, port) in ports.enumerated() {
      switch await Loopback.run("ib_read_lat", port, tcpPort: 18615 + index, extra: [], context, check: result.check) {
      case .failure(let stop):
        if stop.result.items.first?.name == result.check { return stop.result }
        result.items += stop.result.items
      case .success(let output):
        let judged = BandwidthJudge.latency(
          port.label, microseconds: Perftest.latencyMicroseconds(output), maximum: maximum)
        result.items.append(judged.0)
        result.figures += judged.1
      }
    }
    return result
  }
}
