/// Gathers RDMA devices, ports and SR-IOV functions from sysfs.
package enum IBScan {
  /// Every RDMA device with its ports, sorted by name.
  package static func devices(_ reader: SysfsReader) -> [IBDeviceFacts] {
    let base = "/sys/class/infiniband"
    return reader.list(base).map { name in
      let dir = base + "/" + name
      let ports = reader.list(dir + "/ports").compactMap { Int($0) }.sorted().map {
        port(device: name, number: $0, dir: dir + "/ports/\($0)", reader)
      }
      return IBDeviceFacts(
        name: name, pciAddress: reader.linkName(dir + "/device"), hcaType: reader.attribute(dir + "/hca_type"),
        firmware: reader.attribute(dir + "/fw_ver"), nodeGUID: reader.attribute(dir + "/node_guid"), ports: ports)
    }
  }

  static func port(device: String, number: Int, dir: String, _ reader: SysfsReader) -> PortFacts {
    let rate = reader.attribute(dir + "/rate") ?? ""
    var counters: [String: Int] = [:]
    for name in PortFacts.errorCounterNames {
      if let value = reader.attribute(dir + "/counters/" + name).flatMap({ Int($0) }) { counters[name] = value }
    }
    return PortFacts(
      device: device, port: number, state: stateName(reader.attribute(dir + "/state")),
      physState: stateName(reader.attribute(dir + "/phys_state")),
      rateGbps: rate.contains("Gb/sec") ? rate.leadingNumber : nil,
      rateText: rate, linkLayer: reader.attribute(dir + "/link_layer") ?? "InfiniBand",
      lid: reader.attribute(dir + "/lid")?.integerValue, smLid: reader.attribute(dir + "/sm_lid")?.integerValue,
      errorCounters: counters)
  }

  /// `4: ACTIVE` → `ACTIVE`; absent → `unknown`.
  static func stateName(_ text: String?) -> String {
    guard let text else { return "unknown" }
    return text.after(":") ?? text
  }

  /// Every PF with SR-IOV (totalvfs > 0) among `devices`, with its VFs and their GUIDs.
  package static func physicalFunctions(
    _ pci: [PCIDeviceFacts], rdma: [IBDeviceFacts], _ reader: SysfsReader
  ) -> [PFFacts] {
    let byAddress = Dictionary(pci.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
    let rdmaByAddress = Dictionary(
      rdma.compactMap { device in device.pciAddress.map { ($0, device) } }, uniquingKeysWith: { first, _ in first })
    return pci.filter { ($0.sriovTotalVFs ?? 0) > 0 }.map { pf in
      let vfs = pf.virtualFunctions.enumerated().map { index, address in
        let vf = byAddress[address]
        let ownGUID = rdmaByAddress[address]?.nodeGUID
        let pfGUID = reader.attribute(reader.devicePath(pf.address) + "/sriov/\(index)/node")
        return VFFacts(
          address: address, index: index, driver: vf?.driver, iommuGroup: vf?.iommuGroup,
          nodeGUID: ownGUID ?? pfGUID)
      }
      return PFFacts(
        address: pf.address, rdmaDevice: rdmaByAddress[pf.address]?.name, numVFs: pf.sriovNumVFs ?? 0,
        totalVFs: pf.sriovTotalVFs ?? 0, vfs: vfs)
    }
  }
}
