/// What sysfs says about one PCI function (only what the checks use).
package struct PCIDeviceFacts: Sendable, Hashable {
  /// Domain:bus:device.function, e.g. `0000:3b:00.0`.
  package var address: String
  /// PCI vendor id.
  package var vendor: UInt16
  /// PCI device id.
  package var device: UInt16
  /// The 24-bit class code (`0x030200`).
  package var classCode: UInt32
  /// The bound driver, nil when none.
  package var driver: String?
  /// The NUMA node, nil when unknown (`-1`).
  package var numaNode: Int?
  /// The link as trained now and its maximum.
  package var link: LinkFacts
  /// PCI addresses of the bridges above it, root port first.
  package var ancestors: [String]
  /// The host bridge directory, e.g. `pci0000:00`.
  package var hostBridge: String
  /// The IOMMU group number, when the IOMMU is on.
  package var iommuGroup: String?
  /// The physical function of a virtual function.
  package var physicalFunction: String?
  /// The virtual functions of a physical function, in VF order.
  package var virtualFunctions: [String] = []
  /// `sriov_numvfs` and `sriov_totalvfs`, when SR-IOV capable.
  package var sriovNumVFs: Int?
  /// `sriov_totalvfs`.
  package var sriovTotalVFs: Int?
  /// AER counters (`aer_dev_correctable`, `_nonfatal`, `_fatal`), when the kernel exposes them.
  package var aer: AERCounts?
  /// The device name the probe knows (hpctest's table, then pci.ids), e.g. `Ethernet Controller E810-C for QSFP`.
  package var name: String?
  /// The ACS control register, when config space is readable and has an ACS capability.
  package var acsControl: UInt16?

  /// The class's base and sub class (`0x0302` for a 3D controller).
  package var baseClass: UInt8 { UInt8(truncatingIfNeeded: classCode >> 16) }

  /// True for display controllers (VGA, 3D, other display).
  package var isGPU: Bool { baseClass == 0x03 }

  /// True for PCI bridges.
  package var isBridge: Bool { classCode >> 8 == 0x0604 }

  /// True for network/InfiniBand controllers of Mellanox/NVIDIA networking.
  package var isMellanoxAdapter: Bool { vendor == 0x15b3 && (baseClass == 0x02 || baseClass == 0x0c) }

  /// The built-in model, when known.
  package var model: DeviceModel? { DeviceModel.lookup(vendor: vendor, device: device) }

  /// `10de:2335`.
  package var pciID: String { Self.hex(vendor) + ":" + Self.hex(device) }

  static func hex(_ value: UInt16) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}

/// AER counter totals of one device.
package struct AERCounts: Sendable, Hashable {
  /// `TOTAL_ERR_COR`.
  package var correctable: Int
  /// `TOTAL_ERR_NONFATAL`.
  package var nonFatal: Int
  /// `TOTAL_ERR_FATAL`.
  package var fatal: Int

  /// Creates counts.
  package init(correctable: Int, nonFatal: Int, fatal: Int) {
    self.correctable = correctable
    self.nonFatal = nonFatal
    self.fatal = fatal
  }
}
