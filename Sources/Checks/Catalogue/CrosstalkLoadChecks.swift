/// Load and contention checks: GPUDirect bandwidth, GPU copies with RDMA traffic, k VFs at once.
enum CrosstalkLoadChecks {
  static let all = [gpudirectBandwidth, concurrentLoad, vfFairness]
  static let hostToDevice = ["nvbandwidth", "-t", "host_to_device_memcpy_ce"]

  static func writeBW(_ port: PortFacts, tcpPort: Int, extra: [String] = [], _ context: CheckContext) -> [[String]] {
    let duration = String(context.expectations.int("bw-duration") ?? 5)
    return Loopback.commands(
      "ib_write_bw", device: port.device, port: port.port, tcpPort: tcpPort,
      extra: ["--report_gbits", "-D", duration] + extra)
  }

  /// The client's bandwidth of a loopback (outcomes: server, client).
  static func bandwidth(_ outcomes: ArraySlice<ToolOutcome>) -> Double? {
    guard outcomes.count == 2, case .finished(0, let output) = outcomes.last! else { return nil }
    return Perftest.bandwidthGbps(output)
  }

  static func nvbandwidth(_ outcome: ToolOutcome?) -> [(String, Double)] {
    guard case .finished(0, let output)? = outcome,
      let matrix = NVBandwidth(parsing: output).matrix("host_to_device_memcpy_ce")
    else { return [] }
    return NVBandwidth.perGPU(matrix)
  }

  /// Skip unless `tools` are all present (or fail when one is required).
  static func requireTools(_ tools: [String], _ context: CheckContext, _ check: String) async -> Stop? {
    for tool in tools {
      if case .unavailable(let result) = await context.tool([tool, "--help"], for: check) { return Stop(result) }
    }
    return nil
  }

  /// The NVIDIA GPUs and the first ACTIVE physical-function port, or a skip result.
  static func gpuAndPort(_ context: CheckContext, _ check: String) -> Result<(NodeFacts, PortFacts), Stop> {
    let facts = NodeFacts(context)
    guard !facts.nvidiaGPUs.isEmpty else { return .failure(Stop(.skip(check, "no NVIDIA GPU found"))) }
    switch RDMAToolChecks.activePorts(context, check) {
    case .failure(let stop): return .failure(stop)
    case .success(let ports): return .success((facts, ports[0]))
    }
  }

  static let gpudirectBandwidth = CheckDefinition(
    "crosstalk.gpudirect-bw", "ib_write_bw --use_cuda loopback ≥ gdr-share × the host-memory loopback",
    needs: "ib_write_bw built with CUDA", keys: ["gdr-share"]
  ) { context in
    let check = "crosstalk.gpudirect-bw"
    let (facts, port): (NodeFacts, PortFacts)
    switch gpuAndPort(context, check) {
    case .failure(let stop): return stop.result
    case .success(let found): (facts, port) = found
    }
    if let stop = await requireTools(["ib_write_bw"], context, check) { return stop.result }
    let host = await context.runner.runConcurrently(
      writeBW(port, tcpPort: 18715, context), timeout: context.toolTimeout)
    var flows: [LoadJudge.Flow] = []
    for index in facts.nvidiaGPUs.indices {
      let cuda = writeBW(port, tcpPort: 18716 + index, extra: ["--use_cuda=\(index)"], context)
      let outcomes = await context.runner.runConcurrently(cuda, timeout: context.toolTimeout)
      flows.append(
        LoadJudge.Flow(
          "GPU \(index)→\(port.label)", solo: bandwidth(host[...]), loaded: bandwidth(outcomes[...]), unit: "Gb/s"))
    }
    let (items, figures) = LoadJudge.shares(flows, share: context.expectations.double("gdr-share") ?? 0.8)
    return CheckResult(check: check, items: items, figures: figures, notes: ["solo = host memory, loaded = GPU memory"])
  }

  static let concurrentLoad = CheckDefinition(
    "crosstalk.concurrent-load", "GPU host↔device copies and RDMA traffic at once: each ≥ load-share × its solo figure",
    needs: "nvbandwidth, ib_write_bw", keys: ["load-share"]
  ) { context in
    let check = "crosstalk.concurrent-load"
    let port: PortFacts
    switch gpuAndPort(context, check) {
    case .failure(let stop): return stop.result
    case .success(let found): port = found.1
    }
    if let stop = await requireTools(["nvbandwidth", "ib_write_bw"], context, check) { return stop.result }
    let rdma = writeBW(port, tcpPort: 18815, context)
    let soloGPU = nvbandwidth(await context.runner.run(hostToDevice, timeout: context.toolTimeout))
    let soloRDMA = bandwidth(await context.runner.runConcurrently(rdma, timeout: context.toolTimeout)[...])
    let loaded = await context.runner.runConcurrently([hostToDevice] + rdma, timeout: context.toolTimeout)
    let loadedGPU = nvbandwidth(loaded.first)
    var flows = soloGPU.map { label, solo in
      LoadJudge.Flow(
        "GPU \(label):host_to_device", solo: solo, loaded: loadedGPU.first { $0.0 == label }?.1, unit: "GB/s")
    }
    flows.append(
      LoadJudge.Flow("\(port.label):write", solo: soloRDMA, loaded: bandwidth(loaded.dropFirst()), unit: "Gb/s"))
    let (items, figures) = LoadJudge.shares(flows, share: context.expectations.double("load-share") ?? 0.7)
    return CheckResult(check: check, items: items, figures: figures)
  }

  static let vfFairness = CheckDefinition(
    "crosstalk.vf-fairness", "k VFs loaded at once: each ≥ load-share × one VF alone, Jain fairness ≥ fairness",
    needs: "ib_write_bw, SR-IOV VFs with active ports", keys: ["vf-count", "load-share", "fairness"]
  ) { context in
    let check = "crosstalk.vf-fairness"
    let facts = NodeFacts(context)
    let vfPorts = facts.rdma.filter { RDMAChecks.isVirtualFunction($0, facts) }.flatMap(\.ports).filter {
      $0.state.uppercased() == "ACTIVE"
    }
    guard vfPorts.count >= 2 else { return .skip(check, "fewer than 2 virtual functions with an ACTIVE port") }
    if let stop = await requireTools(["ib_write_bw"], context, check) { return stop.result }
    let ports = Array(vfPorts.prefix(context.expectations.int("vf-count") ?? vfPorts.count))
    let solo = bandwidth(
      await context.runner.runConcurrently(writeBW(ports[0], tcpPort: 18900, context), timeout: context.toolTimeout)[
        ...])
    let commands = ports.enumerated().flatMap { writeBW($1, tcpPort: 18901 + $0, context) }
    let outcomes = await context.runner.runConcurrently(commands, timeout: context.toolTimeout)
    let flows = ports.enumerated().map { index, port in
      LoadJudge.Flow(
        "\(port.label):write", solo: solo, loaded: bandwidth(outcomes[(2 * index)..<(2 * index + 2)]), unit: "Gb/s")
    }
    var (items, figures) = LoadJudge.shares(
      flows, share: context.expectations.double("load-share") ?? 1 / Double(ports.count) * 0.8)
    let (fair, figure) = LoadJudge.fairness(flows, minimum: context.expectations.double("fairness") ?? 0.9)
    items.append(fair)
    figures.append(figure)
    return CheckResult(check: check, items: items, figures: figures, notes: ["solo = \(ports[0].label) alone"])
  }
}
