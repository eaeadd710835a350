/// RDMA checks that read sysfs only.
enum RDMAChecks {
  static let all = [inventory, portState, portRate, subnetManager, counters, pcieLink, sriovCount, sriovFunctions]

  static let inventory = CheckDefinition(
    "rdma.inventory", "adapter count (per model) and firmware against the expected inventory", needs: "sysfs",
    keys: ["adapters", "adapter-model", "adapter-firmware"]
  ) { context in
    let facts = NodeFacts(context)
    let devices = facts.cards.map { card in
      InventoryJudge.Device(
        address: card.address, pciID: card.primary.pciID, model: card.primary.model?.name ?? card.primary.name,
        detail: card.functions.count > 1 || !card.rdmaDevices.isEmpty ? card.detail : nil)
    }
    var items = InventoryJudge.judge(
      devices, kind: "adapter", expectedCount: context.expectations.int("adapters"),
      expectedModel: context.expectations.string("adapter-model"))
    if let firmware = context.expectations.textMap("adapter-firmware") {
      items += facts.rdma.filter { !isVirtualFunction($0, facts) }.compactMap { firmwareItem($0, facts, firmware) }
    }
    return CheckResult(check: "rdma.inventory", items: items)
  }

  /// The firmware sub-result of a physical function's RDMA device, when `expected` names a version for it (by
  /// device name, PCI address or model).
  static func firmwareItem(_ device: IBDeviceFacts, _ facts: NodeFacts, _ expected: TextMap) -> CheckItem? {
    let pci = device.pciAddress.flatMap(facts.device)
    let names = [device.name, device.pciAddress, pci?.model?.name, pci?.name].compactMap { $0 }
    guard let version = expected.value(for: names) else { return nil }
    let actual = device.firmware ?? "unknown"
    let outcome: CheckOutcome = actual == version ? .pass : .fail
    return CheckItem("\(device.name)/firmware", outcome, "\(device.name): firmware \(actual), expected \(version)")
  }

  /// True when the RDMA device belongs to an SR-IOV virtual function.
  static func isVirtualFunction(_ device: IBDeviceFacts, _ facts: NodeFacts) -> Bool {
    device.pciAddress.flatMap(facts.device)?.physicalFunction != nil
  }

  /// The ports of physical-function RDMA devices as `PortSelection` picks them (`ib-ports`, else every port not
  /// `Disabled`), with the sub-results of the ports left out; a skip result when there is no port at all.
  static func ports(_ facts: NodeFacts, _ check: String, expected: [String]) -> Result<
    (judged: [PortFacts], items: [CheckItem]), Stop
  > {
    let all = facts.rdma.filter { !isVirtualFunction($0, facts) }.flatMap(\.ports)
    if all.isEmpty && expected.isEmpty { return .failure(Stop(.skip(check, "no RDMA port found"))) }
    return .success(PortSelection.select(all, expected: expected))
  }

  static func perPort(
    _ check: String, _ context: CheckContext, facts: NodeFacts? = nil, judge: (PortFacts, NodeFacts) -> CheckItem
  ) -> CheckResult {
    let facts = facts ?? NodeFacts(context)
    switch ports(facts, check, expected: context.expectations.list("ib-ports")) {
    case .failure(let stop): return stop.result
    case .success(let selection):
      return CheckResult(check: check, items: selection.judged.map { judge($0, facts) } + selection.items)
    }
  }

  static let portState = CheckDefinition(
    "rdma.port-state", "every expected port (ib-ports, else every port not Disabled) ACTIVE and LinkUp",
    needs: "sysfs", keys: ["ib-ports"]
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
    "rdma.sm", "InfiniBand ports have a LID and a subnet manager (sm_lid)", needs: "sysfs", keys: ["ib-ports"]
  ) { context in
    perPort("rdma.sm", context) { port, _ in PortJudge.subnetManager(port) }
  }

  static let counters = CheckDefinition(
    "rdma.counters", "port error counters (or their increase since the plan's first reading) under a threshold",
    needs: "sysfs", keys: ["ib-error-max", "ib-ports"]
  ) { context in
    let maximum = context.expectations.int("ib-error-max") ?? 0
    let baseline = CounterBaseline(context)
    let facts = NodeFacts(context)
    let result = perPort("rdma.counters", context, facts: facts) { port, _ in
      PortJudge.counters(port, maximum: maximum, before: baseline.counters[port.label])
    }
    baseline.saveIfNew(facts)
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
