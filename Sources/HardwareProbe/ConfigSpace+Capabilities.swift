/// The PCI Express capability's port type and link registers.
public struct ExpressCapability: Sendable, Hashable {
  /// Device/port type (0 endpoint, 1 legacy endpoint, 4 root port, 5 switch upstream, 6 switch downstream,
  /// 7 PCIe-to-PCI bridge, 9 RC integrated endpoint).
  public var portType: Int
  /// Link Capabilities: the maximum link.
  public var maximum: PCILink
  /// Link Status: the negotiated link.
  public var current: PCILink

  /// A readable name for `portType`.
  public var portTypeName: String {
    switch portType {
    case 0: "endpoint"
    case 1: "legacy-endpoint"
    case 4: "root-port"
    case 5: "upstream-port"
    case 6: "downstream-port"
    case 7: "pcie-to-pci-bridge"
    case 8: "pci-to-pcie-bridge"
    case 9: "rc-integrated-endpoint"
    case 10: "rc-event-collector"
    default: "type-\(portType)"
    }
  }
}

/// The SR-IOV extended capability's registers.
public struct SRIOVCapability: Sendable, Hashable {
  /// InitialVFs.
  public var initialVFs: Int
  /// TotalVFs.
  public var totalVFs: Int
  /// NumVFs (as programmed).
  public var numVFs: Int
  /// VF Enable bit of SR-IOV Control.
  public var enabled: Bool
  /// First VF Offset (routing-id distance from the PF).
  public var vfOffset: Int
  /// VF Stride.
  public var vfStride: Int
  /// VF Device ID.
  public var vfDeviceID: UInt16
}

/// The ACS Control register and what its bits enable.
public struct ACSControl: Sendable, Hashable {
  /// The raw 16-bit ACS Control register.
  public var raw: UInt16

  /// Names of enabled controls, in bit order (`SrcValid`, `TransBlk`, `ReqRedir`, `CmpltRedir`, `UpstreamFwd`,
  /// `EgressCtrl`, `DirectTrans`, as lspci prints them).
  public var enabled: [String] {
    ACSControl.names.enumerated().filter { raw & (1 << UInt16($0.offset)) != 0 }.map(\.element)
  }

  /// True when Request Redirect or Completion Redirect is on (these route peer-to-peer traffic through the root).
  public var redirectsPeerToPeer: Bool { raw & 0b1100 != 0 }

  static let names = ["SrcValid", "TransBlk", "ReqRedir", "CmpltRedir", "UpstreamFwd", "EgressCtrl", "DirectTrans"]
}

/// The AER extended capability's status registers.
public struct AERStatus: Sendable, Hashable {
  /// Uncorrectable Error Status.
  public var uncorrectable: UInt32
  /// Correctable Error Status.
  public var correctable: UInt32
}

extension ConfigSpace {
  /// The PCI Express capability, when present and readable.
  public var express: ExpressCapability? {
    guard let base = capability(CapabilityID.express), let flags = word(base + 2),
      let linkCap = dword(base + 0x0c), let linkStatus = word(base + 0x12)
    else { return nil }
    let maximum = PCILink(speed: PCILink.speed(code: Int(linkCap & 0xf)), width: width(Int(linkCap >> 4) & 0x3f))
    let current = PCILink(
      speed: PCILink.speed(code: Int(linkStatus & 0xf)), width: width(Int(linkStatus >> 4) & 0x3f))
    return ExpressCapability(portType: Int(flags >> 4) & 0xf, maximum: maximum, current: current)
  }

  private func width(_ lanes: Int) -> Int? { lanes == 0 ? nil : lanes }

  /// The SR-IOV capability, when present (needs the full 4096-byte config space).
  public var sriov: SRIOVCapability? {
    guard let base = extendedCapability(CapabilityID.sriov), let control = word(base + 0x08),
      let initial = word(base + 0x0c), let total = word(base + 0x0e), let num = word(base + 0x10),
      let offset = word(base + 0x14), let stride = word(base + 0x16), let vfDevice = word(base + 0x1a)
    else { return nil }
    return SRIOVCapability(
      initialVFs: Int(initial), totalVFs: Int(total), numVFs: Int(num), enabled: control & 1 != 0,
      vfOffset: Int(offset), vfStride: Int(stride), vfDeviceID: vfDevice)
  }

  /// The ACS Control register, when the ACS capability is present.
  public var acs: ACSControl? {
    guard let base = extendedCapability(CapabilityID.acs), let control = word(base + 6) else { return nil }
    return ACSControl(raw: control)
  }

  /// The AER status registers, when the AER capability is present.
  public var aer: AERStatus? {
    guard let base = extendedCapability(CapabilityID.aer), let uncorrectable = dword(base + 4),
      let correctable = dword(base + 0x10)
    else { return nil }
    return AERStatus(uncorrectable: uncorrectable, correctable: correctable)
  }
}
