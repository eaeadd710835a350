extension Inventory {
  /// The human summary printed by `hpctest probe`: host, GPUs, RDMA adapters with ports, VFs per PF, topology
  /// matrix, warnings.
  public func summary() -> String {
    var lines = [hostLine()]
    if let driver = host.nvidiaDriver { lines.append("NVIDIA driver \(driver)") }
    lines += section("GPUs", gpus.flatMap(gpuLines))
    lines += section("RDMA adapters", adapters.flatMap(adapterLines))
    lines += section("SR-IOV", sriov.flatMap(sriovLines))
    lines += section("Topology", topologyMatrix())
    lines += section("Warnings", warnings.map { "  \($0)" })
    return lines.joined(separator: "\n") + "\n"
  }

  private func section(_ title: String, _ body: [String]) -> [String] {
    ["", "\(title):"] + (body.isEmpty ? ["  none"] : body)
  }

  private func hostLine() -> String {
    let cpu = host.cpu
    let memory = host.memoryBytes.map { Inventory.gib($0) + " memory" } ?? "memory unknown"
    let numa =
      host.numaNodes.isEmpty
      ? "no NUMA nodes listed" : "NUMA nodes \(host.numaNodes.map(String.init).joined(separator: ","))"
    return "Host \(root): \(host.arch ?? "unknown arch"), \(cpu.processors) CPUs (\(cpu.cores) cores, "
      + "\(cpu.sockets) socket(s)) \(cpu.modelName ?? "unknown model"), \(memory), \(numa), \(functions.count) PCI functions"
  }

  /// `125.9 GiB`.
  static func gib(_ bytes: UInt64) -> String {
    let tenths = Int((Double(bytes) / 1_073_741_824 * 10).rounded())
    return "\(tenths / 10).\(tenths % 10) GiB"
  }

  static func numa(_ node: Int?) -> String { node.map { "NUMA \($0)" } ?? "NUMA -" }

  private func gpuLines(_ gpu: GPU) -> [String] {
    var lines = [
      "  GPU\(gpu.index)  \(gpu.address)  \(gpu.name) [\(hex(UInt64(gpu.vendor == .nvidia ? 0x10de : 0x8086), width: 4)):\(hex(UInt64(gpu.deviceID), width: 4))]  driver \(gpu.driver ?? "none")  \(Inventory.numa(gpu.numaNode))"
    ]
    let own = "PCIe \(gpu.link?.description ?? "unknown") (max \(gpu.linkCapability?.description ?? "unknown"))"
    if let port = gpu.upstreamPort {
      lines.append(
        "        endpoint \(own); card link via upstream port \(port): \(gpu.effectiveLink?.description ?? "unknown") (max \(gpu.effectiveLinkCapability?.description ?? "unknown"))"
      )
    } else {
      lines.append("        \(own)")
    }
    if let info = gpu.nvidia {
      lines.append(
        "        uuid \(info.uuid ?? "?"), vbios \(info.videoBIOS ?? "?"), minor \(info.minor.map(String.init) ?? "?")\(info.excluded ? ", EXCLUDED" : "")"
      )
    }
    if let info = gpu.intel {
      let gts = info.gts.map {
        "\($0.name) \($0.minMHz.map(String.init) ?? "?")-\($0.maxMHz.map(String.init) ?? "?") MHz"
      }
      lines.append(
        "        \(info.card), \(info.tiles) tile(s)\(gts.isEmpty ? "" : ": " + gts.joined(separator: ", "))")
    }
    return lines
  }

  private func adapterLines(_ adapter: RDMAAdapter) -> [String] {
    let vf = adapter.isVirtualFunction ? " (VF)" : ""
    var lines = [
      "  \(adapter.name)  \(adapter.address?.description ?? "no PCI device")  \(adapter.deviceName ?? adapter.hcaType ?? "unknown")\(vf)  \(adapter.transport.rawValue)  fw \(adapter.firmware ?? "?")  \(Inventory.numa(adapter.numaNode))  node GUID \(adapter.nodeGUID ?? "?")"
    ]
    for port in adapter.ports {
      let lid = port.lid.map { "  lid \($0)" } ?? ""
      let errors = port.counters.filter { Inventory.errorCounters.contains($0.key) && $0.value > 0 }
        .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      lines.append(
        "    port \(port.number): \(port.state ?? "?") (\(port.physicalState ?? "?"))  \(port.rate ?? "rate ?")  \(port.linkLayer ?? "?")\(lid)  \(port.gids.count) GID(s)\(errors.isEmpty ? "" : "  errors: " + errors.joined(separator: " "))"
      )
    }
    return lines
  }

  /// Port counters that count errors (shown in the summary when non-zero).
  static let errorCounters: Set<String> = [
    "symbol_error", "link_error_recovery", "link_downed", "port_rcv_errors", "port_rcv_remote_physical_errors",
    "port_rcv_switch_relay_errors", "port_xmit_discards", "port_xmit_constraint_errors",
    "port_rcv_constraint_errors", "local_link_integrity_errors", "excessive_buffer_overrun_errors", "VL15_dropped",
  ]

  private func sriovLines(_ group: SRIOVGroup) -> [String] {
    let counts = "\(group.numVFs.map(String.init) ?? "?") of \(group.totalVFs.map(String.init) ?? "?") VFs enabled"
    let vfID = group.vfDeviceID.map { ", VF id \(hex(UInt64($0), width: 4))" } ?? ""
    var lines = ["  \(group.physicalFunction)  \(group.name ?? "unknown")  \(counts)\(vfID)"]
    for vf in group.virtualFunctions {
      let rdma = vf.rdmaDevices.isEmpty ? "" : "  " + vf.rdmaDevices.joined(separator: ",")
      let guid = vf.nodeGUID.map { "  GUID \($0)" } ?? ""
      let policy = vf.policy.map { "  policy \($0)" } ?? ""
      lines.append("    VF\(vf.index)  \(vf.address)  driver \(vf.driver ?? "none")\(rdma)\(guid)\(policy)")
    }
    return lines
  }
}
