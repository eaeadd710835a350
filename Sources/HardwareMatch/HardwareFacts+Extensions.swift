import HardwareProbe

extension HardwareFacts {
  /// hpctest's extension keys (`hpctest.` prefix removed); see README.md for their meaning.
  func extensionFact(_ key: String) -> Fact? {
    switch key {
    case "gpu.count": return host(.number(Double(inventory.gpus.count)))
    case "gpu.link-width", "gpu.link-speed", "gpu.pcie-generation": return gpuLinkFact(key)
    case "gpu.numa-local-adapter":
      return Fact(values: inventory.gpus.map { ("GPU\($0.index)", .flag(hasLocalAdapter($0))) }, noun: "GPU", every: true)
    case "topology.gpu-adapter":
      return Fact(
        values: inventory.gpus.map { gpu in
          ("GPU\(gpu.index)", .path(inventory.nearestAdapters(to: gpu).first?.path ?? .sys))
        }, noun: "GPU", every: true)
    case "sriov.vfs": return Fact(values: inventory.sriov.map { ($0.physicalFunction.description, .number(Double($0.numVFs ?? 0))) }, noun: "SR-IOV physical function", every: false)
    case "sriov.total-vfs": return Fact(values: inventory.sriov.map { ($0.physicalFunction.description, .number(Double($0.totalVFs ?? 0))) }, noun: "SR-IOV physical function", every: false)
    case "infiniband.count": return host(.number(Double(infinibandAdapters.count)))
    case "infiniband.active-ports": return host(.number(Double(infinibandAdapters.flatMap(\.ports).filter(\.isActive).count)))
    case "infiniband.rate":
      let ports = infinibandAdapters.flatMap { adapter in adapter.ports.filter(\.isActive).map { (adapter, $0) } }
      return Fact(values: ports.map { ("\($0.0.name) port \($0.1.number)", .number($0.1.rateGbps ?? 0)) }, noun: "active InfiniBand port", every: false)
    case "rdma.count": return host(.number(Double(inventory.physicalAdapters.count)))
    case "numa.nodes": return host(.number(Double(inventory.host.numaNodes.count)))
    default: return nil
    }
  }

  private func host(_ value: FactValue) -> Fact { Fact(values: [("", value)], noun: "host", every: true) }

  private var infinibandAdapters: [RDMAAdapter] {
    inventory.physicalAdapters.filter { $0.transport == .infiniband }
  }

  private func gpuLinkFact(_ key: String) -> Fact {
    let values: [(String, FactValue)] = inventory.gpus.map { gpu in
      let link = gpu.effectiveLink
      let number: Double? =
        switch key {
        case "gpu.link-width": link?.width.map(Double.init)
        case "gpu.link-speed": link?.speed
        default: link?.generation.map(Double.init)
        }
      return ("GPU\(gpu.index)", number.map { .number($0) } ?? .text("unknown"))
    }
    return Fact(values: values, noun: "GPU", every: true)
  }

  private func hasLocalAdapter(_ gpu: GPU) -> Bool {
    guard let node = gpu.numaNode else { return false }
    return inventory.physicalAdapters.contains { $0.numaNode == node }
  }
}
