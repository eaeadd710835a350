import HardwareProbe

extension HardwareFacts {
  /// Extension keys TMTModel accepts whose facts are not in sysfs/procfs, with the reason.
  static let unavailable: [String: String] = [
    "hpctest.gpu.memory": "GPU memory is not in sysfs or procfs (nvidia-smi or xpu-smi reports it)",
    "hpctest.gpu.link-count": "NVLink/xGMI links are not in sysfs or procfs (nvidia-smi nvlink reports them)",
  ]

  /// hpctest's extension keys (`hpctest.` prefix removed); see README.md for their meaning.
  func extensionFact(_ key: String) -> Fact? {
    switch key {
    case "gpu.count": return host(.number(Double(inventory.gpus.count)))
    case "gpu.link-width", "gpu.link-speed", "gpu.pcie-generation": return gpuLinkFact(key)
    case "gpu.numa-local-adapter":
      return Fact(
        values: inventory.gpus.map { ("GPU\($0.index)", .flag(hasLocalAdapter($0))) }, noun: "GPU", every: true)
    case "topology.gpu-adapter":
      return Fact(
        values: inventory.gpus.map { gpu in
          ("GPU\(gpu.index)", .path(inventory.nearestAdapters(to: gpu).first?.path ?? .sys))
        }, noun: "GPU", every: true)
    case "sriov.vfs":
      return Fact(
        values: inventory.sriov.map { ($0.physicalFunction.description, .number(Double($0.numVFs ?? 0))) },
        noun: "SR-IOV physical function", every: false)
    case "sriov.total-vfs":
      return Fact(
        values: inventory.sriov.map { ($0.physicalFunction.description, .number(Double($0.totalVFs ?? 0))) },
        noun: "SR-IOV physical function", every: false)
    case "infiniband.count": return host(.number(Double(infinibandAdapters.count)))
    case "infiniband.ports":
      return host(.number(Double(physicalPorts.filter { $0.1.linkLayer == "InfiniBand" }.count)))
    case "infiniband.active-ports":
      return host(.number(Double(infinibandAdapters.flatMap(\.ports).filter(\.isActive).count)))
    case "infiniband.rate", "infiniband.state", "infiniband.link-layer": return portFact(key)
    case "pcie.min-width", "pcie.min-speed": return minimumLinkFact(key)
    case "rdma.count": return host(.number(Double(inventory.physicalAdapters.count)))
    case "numa.nodes": return host(.number(Double(inventory.host.numaNodes.count)))
    default: return nil
    }
  }

  private func host(_ value: FactValue) -> Fact { Fact(values: [("", value)], noun: "host", every: true) }

  private var infinibandAdapters: [RDMAAdapter] {
    inventory.physicalAdapters.filter { $0.transport == .infiniband }
  }

  /// Ports of RDMA adapters on physical functions, labelled `mlx5_0 port 1`.
  private var physicalPorts: [(String, RDMAPort)] {
    inventory.physicalAdapters.flatMap { adapter in adapter.ports.map { ("\(adapter.name) port \($0.number)", $0) } }
  }

  /// Every physical port's rate (Gb/s), state or link layer.
  private func portFact(_ key: String) -> Fact {
    let values: [(String, FactValue)] = physicalPorts.map { label, port in
      switch key {
      case "infiniband.rate": (label, .number(port.rateGbps ?? 0))
      case "infiniband.state": (label, .text(port.state ?? "unknown"))
      default: (label, .text(port.linkLayer ?? "unknown"))
      }
    }
    return Fact(values: values, noun: "RDMA port", every: true)
  }

  /// The lowest link width or speed among GPUs (effective links) and physical RDMA adapters.
  private func minimumLinkFact(_ key: String) -> Fact {
    let adapterLinks = Set(inventory.physicalAdapters.compactMap(\.address)).sorted().compactMap {
      inventory.function(at: $0)?.link
    }
    let links = inventory.gpus.compactMap(\.effectiveLink) + adapterLinks
    let numbers = links.compactMap { key == "pcie.min-width" ? $0.width.map(Double.init) : $0.speed }
    return Fact(values: numbers.min().map { [("", .number($0))] } ?? [], noun: "PCIe link", every: true)
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
