/// hpctest's own names for the devices that matter to it, so names are right where the system's pci.ids is old or
/// missing (Debian 12's lacks the H200 and the L40S); libpci's lookup is the fallback for everything else.
public enum DeviceNames {
  /// `vendor:device` → marketing name.
  public static let table: [UInt32: String] = [
    key(0x10de, 0x20b7): "NVIDIA A30", key(0x10de, 0x20b9): "NVIDIA A30X",
    key(0x10de, 0x20b0): "NVIDIA A100-SXM4-40GB", key(0x10de, 0x20b2): "NVIDIA A100-SXM4-80GB",
    key(0x10de, 0x20b1): "NVIDIA A100-PCIE-40GB", key(0x10de, 0x20f1): "NVIDIA A100-PCIE-40GB",
    key(0x10de, 0x20b5): "NVIDIA A100 80GB PCIe", key(0x10de, 0x20b3): "NVIDIA A100-SXM-64GB",
    key(0x10de, 0x2330): "NVIDIA H100 80GB HBM3", key(0x10de, 0x2331): "NVIDIA H100 PCIe",
    key(0x10de, 0x2321): "NVIDIA H100 NVL", key(0x10de, 0x2324): "NVIDIA H800",
    key(0x10de, 0x2335): "NVIDIA H200", key(0x10de, 0x233b): "NVIDIA H200 NVL",
    key(0x10de, 0x26b9): "NVIDIA L40S", key(0x10de, 0x26b5): "NVIDIA L40",
    key(0x10de, 0x1af1): "NVIDIA NVSwitch (A100 generation)", key(0x10de, 0x22a3): "NVIDIA NVSwitch (H100 generation)",
    key(0x8086, 0x0bd5): "Intel Data Center GPU Max 1550", key(0x8086, 0x0bd6): "Intel Data Center GPU Max 1550",
    key(0x8086, 0x0bd7): "Intel Data Center GPU Max 1350", key(0x8086, 0x0bd8): "Intel Data Center GPU Max 1350",
    key(0x8086, 0x0bd9): "Intel Data Center GPU Max 1100", key(0x8086, 0x0bda): "Intel Data Center GPU Max 1100",
    key(0x8086, 0x0bdb): "Intel Data Center GPU Max 1100",
    key(0x8086, 0x56c0): "Intel Data Center GPU Flex 170", key(0x8086, 0x56c1): "Intel Data Center GPU Flex 140",
    key(0x8086, 0xe20b): "Intel Arc B580", key(0x8086, 0xe211): "Intel Arc Pro B60",
    key(0x8086, 0x1592): "Intel E810-C (QSFP)", key(0x8086, 0x1593): "Intel E810-C (SFP)",
    key(0x8086, 0x159b): "Intel E810-XXV (SFP)", key(0x8086, 0x1889): "Intel Ethernet Adaptive Virtual Function",
    key(0x15b3, 0x1017): "ConnectX-5", key(0x15b3, 0x1018): "ConnectX-5 Virtual Function",
    key(0x15b3, 0x1019): "ConnectX-5 Ex", key(0x15b3, 0x101a): "ConnectX-5 Ex Virtual Function",
    key(0x15b3, 0x101b): "ConnectX-6", key(0x15b3, 0x101c): "ConnectX-6 Virtual Function",
    key(0x15b3, 0x101d): "ConnectX-6 Dx", key(0x15b3, 0x101e): "ConnectX Virtual Function (CX-6 Dx and later)",
    key(0x15b3, 0x101f): "ConnectX-6 Lx", key(0x15b3, 0x1021): "ConnectX-7", key(0x15b3, 0x1023): "ConnectX-8",
    key(0x15b3, 0xa2d2): "BlueField integrated ConnectX-5", key(0x15b3, 0xa2d6): "BlueField-2 integrated ConnectX-6 Dx",
    key(0x15b3, 0xa2dc): "BlueField-3 integrated ConnectX-7",
  ]

  /// Short vendor names for the vendors above.
  public static let vendors: [UInt16: String] = [0x10de: "NVIDIA", 0x8086: "Intel", 0x15b3: "Mellanox"]

  /// hpctest's name for `vendor:device`, or nil when it is not in the table.
  public static func name(vendor: UInt16, device: UInt16) -> String? { table[key(vendor, device)] }

  /// True for the ConnectX virtual-function device ids (CX-5 `1018`, CX-5 Ex `101a`, CX-6 `101c`, later `101e`).
  public static func isMellanoxVF(vendor: UInt16, device: UInt16) -> Bool {
    vendor == 0x15b3 && [0x1018, 0x101a, 0x101c, 0x101e].contains(device)
  }

  /// The decimal PCI device id in an `hca_type` such as `MT4129` (= 0x1021, ConnectX-7), or nil.
  public static func deviceID(hcaType: String) -> UInt16? {
    guard hcaType.hasPrefix("MT"), let value = UInt16(hcaType.dropFirst(2)) else { return nil }
    return value
  }

  static func key(_ vendor: UInt16, _ device: UInt16) -> UInt32 { UInt32(vendor) << 16 | UInt32(device) }
}
