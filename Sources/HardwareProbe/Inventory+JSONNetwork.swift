import HPCBasics

extension Inventory {
  func adapterJSON(_ adapter: RDMAAdapter) -> JSON {
    .object([
      ("name", .string(adapter.name)), ("address", .text(adapter.address?.description)),
      ("device_name", .text(adapter.deviceName)), ("driver", .text(adapter.driver)),
      ("numa_node", .int(adapter.numaNode)), ("transport", .string(adapter.transport.rawValue)),
      ("virtual_function", .bool(adapter.isVirtualFunction)), ("node_guid", .text(adapter.nodeGUID)),
      ("sys_image_guid", .text(adapter.systemImageGUID)), ("firmware", .text(adapter.firmware)),
      ("hca_type", .text(adapter.hcaType)), ("board_id", .text(adapter.boardID)),
      ("node_type", .text(adapter.nodeType)),
      ("ports", .array(adapter.ports.map(portJSON))),
    ])
  }

  private func portJSON(_ port: RDMAPort) -> JSON {
    .object([
      ("number", .int(port.number)), ("state", .text(port.state)), ("physical_state", .text(port.physicalState)),
      ("rate", .text(port.rate)), ("rate_gbps", .double(port.rateGbps)), ("link_layer", .text(port.linkLayer)),
      ("lid", .int(port.lid)), ("sm_lid", .int(port.smLID)),
      ("gids", .object(port.gids.sorted { $0.key < $1.key }.map { (String($0.key), .string($0.value)) })),
      ("counters", Inventory.countersJSON(port.counters)),
    ])
  }

  static func countersJSON(_ counters: [String: UInt64]) -> JSON {
    .object(counters.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })
  }

  func sriovJSON(_ group: SRIOVGroup) -> JSON {
    .object([
      ("physical_function", .string(group.physicalFunction.description)), ("name", .text(group.name)),
      ("total_vfs", .int(group.totalVFs)), ("num_vfs", .int(group.numVFs)),
      ("vf_device_id", .text(group.vfDeviceID.map { hex(UInt64($0), width: 4) })),
      ("rdma_devices", .array(group.rdmaDevices.map { .string($0) })),
      (
        "virtual_functions",
        .array(
          group.virtualFunctions.map { vf in
            .object([
              ("index", .int(vf.index)), ("address", .string(vf.address.description)), ("driver", .text(vf.driver)),
              ("rdma_devices", .array(vf.rdmaDevices.map { .string($0) })), ("node_guid", .text(vf.nodeGUID)),
              ("port_guid", .text(vf.portGUID)), ("policy", .text(vf.policy)),
            ])
          })
      ),
    ])
  }

  func topologyJSON(_ link: TopologyLink) -> JSON {
    .object([
      ("kind", .string(link.kind.rawValue)), ("from", .string(link.from)), ("to", .string(link.to)),
      ("from_address", .string(link.fromAddress.description)), ("to_address", .string(link.toAddress.description)),
      ("path", .string(link.path.rawValue)), ("same_numa_node", .flag(link.sameNUMANode)),
    ])
  }

  func functionJSON(_ function: PCIFunction) -> JSON {
    .object([
      ("address", .string(function.address.description)), ("ids", .string(function.ids)),
      ("class", .string(hex(UInt64(function.classCode), width: 6))), ("name", .text(function.name)),
      ("vendor_name", .text(function.vendorName)),
      ("subsystem", .text(subsystemText(function))), ("revision", .int(function.revision)),
      ("driver", .text(function.driver)), ("numa_node", .int(function.numaNode)),
      ("local_cpus", .text(function.localCPUs)), ("iommu_group", .int(function.iommuGroup)),
      ("path", .array(function.path.map { .string($0.description) })), ("host_bridge", .text(function.hostBridge)),
      ("config_bytes", .int(function.configBytes)),
      ("sysfs_link", Inventory.linkJSON(function.currentLink)),
      ("sysfs_max_link", Inventory.linkJSON(function.maximumLink)), ("express", expressJSON(function.express)),
      ("sriov", sriovCapabilityJSON(function)), ("acs", aclJSON(function.acs)), ("aer", aerJSON(function)),
      ("physical_function", .text(function.physicalFunction?.description)),
      ("virtual_functions", .array(function.virtualFunctions.map { .string($0.description) })),
    ])
  }

  private func subsystemText(_ function: PCIFunction) -> String? {
    guard let vendor = function.subsystemVendorID, let device = function.subsystemDeviceID else { return nil }
    return "\(hex(UInt64(vendor), width: 4)):\(hex(UInt64(device), width: 4))"
  }

  private func expressJSON(_ express: ExpressCapability?) -> JSON {
    guard let express else { return .null }
    return .object([
      ("port_type", .string(express.portTypeName)), ("link_capability", Inventory.linkJSON(express.maximum)),
      ("link_status", Inventory.linkJSON(express.current)),
    ])
  }

  private func sriovCapabilityJSON(_ function: PCIFunction) -> JSON {
    guard let cap = function.sriov else { return .null }
    return .object([
      ("total_vfs", .int(cap.totalVFs)), ("initial_vfs", .int(cap.initialVFs)), ("num_vfs", .int(cap.numVFs)),
      ("enabled", .bool(cap.enabled)), ("vf_offset", .int(cap.vfOffset)), ("vf_stride", .int(cap.vfStride)),
      ("vf_device_id", .string(hex(UInt64(cap.vfDeviceID), width: 4))),
    ])
  }

  private func aclJSON(_ acs: ACSControl?) -> JSON {
    guard let acs else { return .null }
    return .object([
      ("control", .string("0x" + hex(UInt64(acs.raw), width: 4))), ("enabled", .array(acs.enabled.map { .string($0) })),
    ])
  }

  private func aerJSON(_ function: PCIFunction) -> JSON {
    guard function.aer != nil || function.aerCounters != nil else { return .null }
    return .object([
      ("uncorrectable_status", .text(function.aer.map { "0x" + hex(UInt64($0.uncorrectable), width: 8) })),
      ("correctable_status", .text(function.aer.map { "0x" + hex(UInt64($0.correctable), width: 8) })),
      ("correctable", function.aerCounters.map { Inventory.countersJSON($0.correctable) } ?? .null),
      ("fatal", function.aerCounters.map { Inventory.countersJSON($0.fatal) } ?? .null),
      ("nonfatal", function.aerCounters.map { Inventory.countersJSON($0.nonfatal) } ?? .null),
    ])
  }
}
