/// RDMA checks that read sysfs only.
enum RDMAChecks {
  static let all = [inventory, portState, portRate, subnetManager, counters, pcieLink, sriovCount, sriovFunctions]

  static let inventory = CheckDefinition(
    "rdma.inventory", "adapter count (per model) and firmware against the expected inventory", needs: "sysfs",
    keys: ["adapters", "adapter-model", "adapter-firmware"]
  ) { context in
    let facts = NodeFacts(context)
    let devices = facts.adapters.map {
      InventoryJudge.Device(address: $0.address, pciID: $0.pciID, model: $0.model?.name)
    }
    var items = InventoryJudge.judge(
      devices, kind: "adapter", expectedCount: context.expectations.int("adapters"),
      expectedModel: context.expectations.string("adapter-model"))
    if let firmware = context.expectations.string("adapter-firmware") {
      items += facts.rdma.filter { !isVirtualFunction($0, facts) }.map { device in
        let actual = device.firmware ?? "unknown"
        let outcome: CheckOutcome = actual == firmware ? .pass : .fail
        return CheckItem("\(device.name)/firmware", outcome, "\(device.name): firmware \(actual), expected \(firmware)")
      }
    }
    return CheckResult(check: "rdma.inventory", items: items)
  }

  /// True when the RDMA device belongs to an SR-IOV virtual function.
  static func isVirtualFunction(_ device: IBDeviceFacts, _ facts: NodeFacts) -> Bool {
    device.pciAddress.flatMap(facts.device)?.physicalFunction != nil
  }

  /// The ports of physical-function RDMA devices (only those named by `ib-ports` — `mlx5_0/1` or `mlx5_0` —
  /// when set), or a skip result when there are none.
  static func ports(_ facts: NodeFacts, _ check: String, only: [String] = []) -> Result<[PortFacts], Stop> {
    let all = facts.rdma.filter { !isVirtualFunction($0, facts) }.flatMap(\.ports)
    let ports = only.isEmpty ? all : all.filter { only.contains($0.label) || only.contains($0.device) }
    return ports.isEmpty ? .failure(Stop(.skip(check, "no RDMA port found"))) : .success(ports)
  }

  static func perPort(_ check: String, _ context: CheckContext, judge: (PortFacts, NodeFacts) -> CheckItem)
    -> CheckResult
  {
    let facts = NodeFacts(context)
    switch ports(facts, check, only: context.expectations.list("ib-ports")) {
    case .failure(let stop): return stop.result
    case .success(let ports): return CheckResult(check: check, items: ports.map { judge($0, facts) })
    }
  }

  static let portState = CheckDefinition(
    "rdma.port-state", "every port ACTIVE and LinkUp", needs: "sysfs", keys: ["ib-ports"]
  ) { context in
    perPort("rdma.port-state", context) { port, _ in PortJudge.state(port) }
  }

  static let portRate = CheckDefinition(
    "rdma.port-rate", "every port's rate ≥ the expected rate (flag/site or the adapter model's)", needs: "sysfs",
    keys: ["ib-rate", "ib-ports"]
  ) { context in
    perPort("rdma.port-rate", context) { port, facts in
      PortJudge.rate(port, expected: expectedRate(port, facts, context))
    }
  }

  /// The expected rate in Gb/s of `port`: expectation `ib-rate`, else the model's port rate.
  static func expectedRate(_ port: PortFacts, _ facts: NodeFacts, _ context: CheckContext) -> Double? {
    if let rate = context.expectations.double("ib-rate") { return rate }
    let device = facts.rdma.first { $0.name == port.device }?.pciAddress.flatMap(facts.device)
    return device?.model?.portRateGbps.nonZero.map(Double.init)
  }

  static let subnetManager = CheckDefinition(
    "rdma.sm", "InfiniBand ports have a LID and a subnet manager (sm_lid)", needs: "sysfs"
  ) { context in
    perPort("rdma.sm", context) { port, _ in PortJudge.subnetManager(port) }
  }

  static let counters = CheckDefinition(
    "rdma.counters", "port error counters (or their increase since the plan's first reading) under a threshold",
    needs: "sysfs", keys: ["ib-error-max"]
  ) { context in
    let maximum = context.expectations.int("ib-error-max") ?? 0
    let baseline = CounterBaseline(context)
    let result = perPort("rdma.counters", context) { port, _ in
      PortJudge.counters(port, maximum: maximum, before: baseline.counters[port.label])
    }
    baseline.saveIfNew(NodeFacts(context))
    return result
  }

  static let pcieLink = CheckDefinition(
    "rdma.pcie-link", "adapter PCIe link speed and width against the expected and the model's", needs: "sysfs",
    keys: ["adapter-pcie-gen", "adapter-pcie-width"]
  ) { context in
    let facts = NodeFacts(context)
    guard !facts.adapters.isEmpty else { return .skip("rdma.pcie-link", "no RDMA adapter found") }
    let items = facts.adapters.map { adapter in
      let expected = PCILinkJudge.Expected(
        generation: context.expectations.int("adapter-pcie-gen") ?? adapter.model?.pcieGen.nonZero,
        width: context.expectations.int("adapter-pcie-width") ?? adapter.model?.pcieWidth.nonZero)
      return PCILinkJudge.judge(adapter.link, expected: expected)
    }
    return CheckResult(check: "rdma.pcie-link", items: items)
  }
}
