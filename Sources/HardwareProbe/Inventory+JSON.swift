public import HPCBasics

extension Inventory {
  /// The stable JSON document (schema in README.md): object keys in a fixed order, lists in inventory order.
  public func json() -> JSON { .object(jsonMembers().map { ($0.key, $0.value) }) }

  /// The document's members in order: `json()` and `renderedJSON()` both lay the document out from them.
  func jsonMembers() -> [JSONMember] {
    [
      JSONMember(single: "schema", .string("hpctest.probe/\(Inventory.schemaVersion)")),
      JSONMember(single: "root", .string(root)), JSONMember(single: "host", hostJSON()),
      JSONMember("gpus", gpus.count) { gpuJSON(gpus[$0]) },
      JSONMember("adapters", adapters.count) { adapterJSON(adapters[$0]) },
      JSONMember("sriov", sriov.count) { sriovJSON(sriov[$0]) },
      JSONMember("topology", topology.count) { topologyJSON(topology[$0]) },
      JSONMember("functions", functions.count) { functionJSON(functions[$0]) },
      JSONMember("warnings", warnings.count) { index in
        .object([("subject", .string(warnings[index].subject)), ("message", .string(warnings[index].message))])
      },
    ]
  }

  private func hostJSON() -> JSON {
    let cpu = host.cpu
    return .object([
      ("arch", .text(host.arch)), ("memory_bytes", .int(host.memoryBytes)),
      ("numa_nodes", .array(host.numaNodes.map { .int($0) })), ("nvidia_driver", .text(host.nvidiaDriver)),
      (
        "cpu",
        .object([
          ("processors", .int(cpu.processors)), ("cores", .int(cpu.cores)), ("sockets", .int(cpu.sockets)),
          ("threads_per_core", .int(cpu.threadsPerCore)), ("model_name", .text(cpu.modelName)),
          ("vendor", .text(cpu.vendor)), ("family", .int(cpu.family)), ("model", .int(cpu.model)),
          ("stepping", .int(cpu.stepping)), ("flags", .array(cpu.flags.map { .string($0) })),
        ])
      ),
    ])
  }

  static func linkJSON(_ link: PCILink?) -> JSON {
    guard let link else { return .null }
    return .object([
      ("speed_gts", .double(link.speed)), ("width", .int(link.width)), ("generation", .int(link.generation)),
    ])
  }

  private func gpuJSON(_ gpu: GPU) -> JSON {
    .object([
      ("index", .int(gpu.index)), ("address", .string(gpu.address.description)),
      ("vendor", .string(gpu.vendor.rawValue)),
      ("device_id", .string(hex(UInt64(gpu.deviceID), width: 4))), ("name", .string(gpu.name)),
      ("driver", .text(gpu.driver)), ("numa_node", .int(gpu.numaNode)), ("link", Inventory.linkJSON(gpu.link)),
      ("link_capability", Inventory.linkJSON(gpu.linkCapability)),
      ("upstream_port", .text(gpu.upstreamPort?.description)),
      ("effective_link", Inventory.linkJSON(gpu.effectiveLink)),
      ("effective_link_capability", Inventory.linkJSON(gpu.effectiveLinkCapability)),
      ("nvidia", gpu.nvidia.map(nvidiaJSON) ?? .null), ("intel", gpu.intel.map(intelJSON) ?? .null),
    ])
  }

  private func nvidiaJSON(_ info: NVIDIAGPUInfo) -> JSON {
    .object([
      ("model", .text(info.model)), ("uuid", .text(info.uuid)), ("video_bios", .text(info.videoBIOS)),
      ("minor", .int(info.minor)), ("firmware", .text(info.firmware)), ("excluded", .bool(info.excluded)),
      ("bus_location", .text(info.busLocation)),
    ])
  }

  private func intelJSON(_ info: IntelGPUInfo) -> JSON {
    .object([
      ("card", .string(info.card)), ("tiles", .int(info.tiles)),
      (
        "gts",
        .array(
          info.gts.map { gt in
            .object([
              ("name", .string(gt.name)), ("min_mhz", .int(gt.minMHz)), ("max_mhz", .int(gt.maxMHz)),
              ("current_mhz", .int(gt.currentMHz)), ("actual_mhz", .int(gt.actualMHz)), ("rp0_mhz", .int(gt.rp0MHz)),
              ("rpn_mhz", .int(gt.rpnMHz)),
            ])
          })
      ),
    ])
  }
}
