/// Everything hpctest knows about one PCI function, from sysfs attributes and its config space.
public struct PCIFunction: Sendable, Hashable {
  /// Its address.
  public var address: PCIAddress
  /// Vendor id.
  public var vendorID: UInt16
  /// Device id.
  public var deviceID: UInt16
  /// Subsystem vendor id, when known.
  public var subsystemVendorID: UInt16?
  /// Subsystem device id, when known.
  public var subsystemDeviceID: UInt16?
  /// The 24-bit class code (`0x030200`).
  public var classCode: UInt32
  /// Revision id, when known.
  public var revision: UInt8?
  /// Device name (hpctest's table first, then pci.ids); nil when neither knows it.
  public var name: String?
  /// Vendor name (hpctest's table first, then pci.ids).
  public var vendorName: String?
  /// Bound kernel driver (`nvidia`, `mlx5_core`), nil when none.
  public var driver: String?
  /// NUMA node; nil when the kernel reports -1 or the file is missing.
  public var numaNode: Int?
  /// `local_cpulist` as the kernel prints it (`0-15,32-47`).
  public var localCPUs: String?
  /// IOMMU group number.
  public var iommuGroup: Int?
  /// Link from sysfs (`current_link_speed`/`current_link_width`).
  public var currentLink: PCILink?
  /// Maximum link from sysfs (`max_link_speed`/`max_link_width`).
  public var maximumLink: PCILink?
  /// The config-space PCI Express capability (port type, Link Capabilities, Link Status).
  public var express: ExpressCapability?
  /// The config-space SR-IOV capability.
  public var sriov: SRIOVCapability?
  /// sysfs `sriov_totalvfs`.
  public var sriovTotalVFs: Int?
  /// sysfs `sriov_numvfs`.
  public var sriovNumVFs: Int?
  /// ACS Control, when the capability is present.
  public var acs: ACSControl?
  /// AER status registers, when the capability is present.
  public var aer: AERStatus?
  /// AER counters from sysfs `aer_dev_correctable`, `aer_dev_fatal`, `aer_dev_nonfatal`.
  public var aerCounters: AERCounters?
  /// Bytes of config space that could be read (64 without root, 256 or 4096 with).
  public var configBytes: Int
  /// Ancestor bridges from the root port down to the parent (empty for functions on a root bus).
  public var path: [PCIAddress]
  /// The host bridge it sits under (`pci0000:00`), when known.
  public var hostBridge: String?
  /// The physical function of a virtual function.
  public var physicalFunction: PCIAddress?
  /// Virtual functions of a physical function, by VF index.
  public var virtualFunctions: [PCIAddress]

  /// The 16-bit class (`0x0302`).
  public var classID: UInt16 { UInt16(classCode >> 8) }
  /// The parent bridge, when any.
  public var parent: PCIAddress? { path.last }
  /// True for a PCI-to-PCI bridge (class 0604).
  public var isBridge: Bool { classID == 0x0604 }
  /// True for a virtual function.
  public var isVirtualFunction: Bool { physicalFunction != nil }
  /// The best known current link: config-space Link Status, else sysfs.
  public var link: PCILink? { express?.current ?? currentLink }
  /// The best known maximum link: config-space Link Capabilities, else sysfs.
  public var linkCapability: PCILink? { express?.maximum ?? maximumLink }
  /// `10de:2335`.
  public var ids: String { "\(hex(UInt64(vendorID), width: 4)):\(hex(UInt64(deviceID), width: 4))" }
}

/// AER error counters by error name (`RxErr`, `BadTLP`, `TOTAL_ERR_COR`...), as the kernel lists them.
public struct AERCounters: Sendable, Hashable {
  /// `aer_dev_correctable`.
  public var correctable: [String: UInt64]
  /// `aer_dev_fatal`.
  public var fatal: [String: UInt64]
  /// `aer_dev_nonfatal`.
  public var nonfatal: [String: UInt64]

  /// The sum of the non-total counters in all three files.
  public var total: UInt64 {
    [correctable, fatal, nonfatal].reduce(0) { sum, table in
      sum + table.filter { !$0.key.hasPrefix("TOTAL_") }.values.reduce(0, +)
    }
  }
}
