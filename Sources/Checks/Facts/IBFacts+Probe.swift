import HardwareProbe

extension IBDeviceFacts {
  /// The facts of an RDMA device of the probe's inventory.
  package init(_ adapter: RDMAAdapter) {
    self.init(
      name: adapter.name, pciAddress: adapter.address?.description, hcaType: adapter.hcaType,
      firmware: adapter.firmware, nodeGUID: adapter.nodeGUID, systemImageGUID: adapter.systemImageGUID,
      ports: adapter.ports.map { PortFacts(device: adapter.name, $0) })
  }
}

extension PortFacts {
  /// The facts of port `port` of RDMA device `device`: unknown states read `unknown`, a missing link layer
  /// `InfiniBand`, and only the error counters are kept.
  package init(device: String, _ port: RDMAPort) {
    var counters: [String: Int] = [:]
    for name in Self.errorCounterNames {
      if let value = port.counters[name] { counters[name] = Int(clamping: value) }
    }
    self.init(
      device: device, port: port.number, state: port.state ?? "unknown", physState: port.physicalState ?? "unknown",
      rateGbps: port.rateGbps, rateText: port.rate ?? "", linkLayer: port.linkLayer ?? "InfiniBand", lid: port.lid,
      smLid: port.smLID, errorCounters: counters)
  }
}

extension PFFacts {
  /// The facts of an SR-IOV group; `iommuGroup` gives a VF's IOMMU group (from its PCI function).
  package init(_ group: SRIOVGroup, vendor: UInt16, iommuGroup: (PCIAddress) -> Int?) {
    let vfs = group.virtualFunctions.map { vf in
      VFFacts(
        address: vf.address.description, index: vf.index, driver: vf.driver,
        iommuGroup: iommuGroup(vf.address).map(String.init), nodeGUID: vf.nodeGUID)
    }
    self.init(
      address: group.physicalFunction.description, rdmaDevice: group.rdmaDevices.first,
      numVFs: group.numVFs ?? 0, totalVFs: group.totalVFs ?? 0, vfs: vfs, vendor: vendor)
  }
}
