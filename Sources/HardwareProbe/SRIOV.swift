/// A physical function and its virtual functions.
public struct SRIOVGroup: Sendable, Hashable {
  /// The physical function.
  public var physicalFunction: PCIAddress
  /// Its name (`ConnectX-6`).
  public var name: String?
  /// TotalVFs (sysfs `sriov_totalvfs`, else the capability).
  public var totalVFs: Int?
  /// NumVFs enabled (sysfs `sriov_numvfs`, else the capability).
  public var numVFs: Int?
  /// VF device id from the capability.
  public var vfDeviceID: UInt16?
  /// RDMA devices of the PF.
  public var rdmaDevices: [String]
  /// The VFs found through `virtfnN` links, by index.
  public var virtualFunctions: [VirtualFunction]
}

/// One virtual function.
public struct VirtualFunction: Sendable, Hashable {
  /// VF index (the N of `virtfnN`).
  public var index: Int
  /// Its PCI address.
  public var address: PCIAddress
  /// Bound driver (`mlx5_core`, `vfio-pci`), nil when unbound.
  public var driver: String?
  /// Its RDMA devices (`mlx5_2`).
  public var rdmaDevices: [String]
  /// Node GUID of its first RDMA device (or MLNX_OFED's `sriov/N/node`).
  public var nodeGUID: String?
  /// MLNX_OFED's `sriov/N/port` GUID.
  public var portGUID: String?
  /// MLNX_OFED's `sriov/N/policy`.
  public var policy: String?
}

/// Builds SR-IOV groups from `virtfn*`/`physfn` links, sysfs counts and RDMA devices.
enum SRIOVBuilder {
  /// Groups for every function that can have VFs (TotalVFs > 0) or has some.
  static func groups(functions: [PCIFunction], adapters: [RDMAAdapter]) -> [SRIOVGroup] {
    let byAddress = Dictionary(functions.map { ($0.address, $0) }, uniquingKeysWith: { a, _ in a })
    let rdma = Dictionary(grouping: adapters.filter { $0.address != nil }, by: { $0.address! })
    return functions.compactMap { pf in
      let total = pf.sriovTotalVFs ?? pf.sriov?.totalVFs
      guard !pf.isVirtualFunction, (total ?? 0) > 0 || !pf.virtualFunctions.isEmpty else { return nil }
      let ofed = rdma[pf.address]?.first?.ofedVFs ?? []
      let vfs = pf.virtualFunctions.enumerated().map { index, address in
        virtualFunction(index, address, function: byAddress[address], rdma: rdma[address] ?? [], ofed: ofed)
      }
      return SRIOVGroup(
        physicalFunction: pf.address, name: pf.name, totalVFs: total, numVFs: pf.sriovNumVFs ?? pf.sriov?.numVFs,
        vfDeviceID: pf.sriov?.vfDeviceID, rdmaDevices: (rdma[pf.address] ?? []).map(\.name), virtualFunctions: vfs)
    }
  }

  private static func virtualFunction(
    _ index: Int, _ address: PCIAddress, function: PCIFunction?, rdma: [RDMAAdapter], ofed: [OFEDVFSettings]
  ) -> VirtualFunction {
    let settings = ofed.first { $0.index == index }
    return VirtualFunction(
      index: index, address: address, driver: function?.driver, rdmaDevices: rdma.map(\.name),
      nodeGUID: rdma.first?.nodeGUID ?? settings?.node, portGUID: settings?.port, policy: settings?.policy)
  }
}
