/// Built-in per-model defaults: what a healthy device of a known PCI id looks like.
///
/// Sources: vendor data sheets (PCIe generation/width, memory, board power) and NHC/Azure thresholds
/// (see docs/CHECKS.md); the site file and flags override them.
package struct DeviceModel: Sendable, Hashable {
  /// The kind of device.
  package enum Kind: String, Sendable { case gpu, adapter, virtualFunction = "vf" }

  /// Marketing name, e.g. `A30`, `ConnectX-6`.
  package var name: String
  /// PCI vendor id.
  package var vendor: UInt16
  /// PCI device ids of this model.
  package var devices: [UInt16]
  /// GPU, adapter or VF.
  package var kind: Kind
  /// The PCIe generation the slot link should train at.
  package var pcieGen: Int
  /// The PCIe width the slot link should train at.
  package var pcieWidth: Int
  /// Device memory in MiB (GPUs), 0 when not applicable.
  package var memoryMiB: Int = 0
  /// Board power limit in watts (GPUs), 0 when not applicable.
  package var powerWatts: Int = 0
  /// Port rate in Gb/s (adapters), 0 when not applicable.
  package var portRateGbps: Int = 0
  /// Tiles (stacks) per device (Intel Max 1550: 2).
  package var tiles: Int = 1

  /// The model for a vendor/device id, when built in.
  package static func lookup(vendor: UInt16, device: UInt16) -> DeviceModel? {
    all.first { $0.vendor == vendor && $0.devices.contains(device) }
  }

  /// The model with `name` (case-insensitive), when built in.
  package static func named(_ name: String) -> DeviceModel? {
    all.first { $0.name.lowercased() == name.lowercased() }
  }

  /// Every built-in model.
  package static let all: [DeviceModel] = nvidia + intel + mellanox

  static let nvidia: [DeviceModel] = [
    DeviceModel(
      name: "A30", vendor: 0x10de, devices: [0x20b7], kind: .gpu, pcieGen: 4, pcieWidth: 16, memoryMiB: 24576,
      powerWatts: 165),
    DeviceModel(
      name: "A100", vendor: 0x10de, devices: [0x20b0, 0x20b2, 0x20b5, 0x20f1, 0x20f3], kind: .gpu, pcieGen: 4,
      pcieWidth: 16, memoryMiB: 40960, powerWatts: 400),
    DeviceModel(
      name: "H100", vendor: 0x10de, devices: [0x2321, 0x2324, 0x2330, 0x2331, 0x2339], kind: .gpu, pcieGen: 5,
      pcieWidth: 16, memoryMiB: 81559, powerWatts: 700),
    DeviceModel(
      name: "H200", vendor: 0x10de, devices: [0x2335, 0x233b], kind: .gpu, pcieGen: 5, pcieWidth: 16,
      memoryMiB: 143771, powerWatts: 700),
    DeviceModel(
      name: "L40S", vendor: 0x10de, devices: [0x26b9], kind: .gpu, pcieGen: 4, pcieWidth: 16, memoryMiB: 46068,
      powerWatts: 350),
  ]

  static let intel: [DeviceModel] = [
    DeviceModel(
      name: "Max 1550", vendor: 0x8086, devices: [0x0bd5, 0x0bd6], kind: .gpu, pcieGen: 5, pcieWidth: 16,
      memoryMiB: 131072, powerWatts: 600, tiles: 2),
    DeviceModel(
      name: "Max 1100", vendor: 0x8086, devices: [0x0bd9, 0x0bda, 0x0bdb], kind: .gpu, pcieGen: 5, pcieWidth: 16,
      memoryMiB: 49152, powerWatts: 300),
    DeviceModel(
      name: "Flex 170", vendor: 0x8086, devices: [0x56c0], kind: .gpu, pcieGen: 4, pcieWidth: 16, memoryMiB: 16384,
      powerWatts: 150),
    DeviceModel(
      name: "Flex 140", vendor: 0x8086, devices: [0x56c1], kind: .gpu, pcieGen: 4, pcieWidth: 8, memoryMiB: 12288,
      powerWatts: 75),
  ]

  static let mellanox: [DeviceModel] = [
    DeviceModel(
      name: "ConnectX-5", vendor: 0x15b3, devices: [0x1017, 0x1019], kind: .adapter, pcieGen: 3, pcieWidth: 16,
      portRateGbps: 100),
    DeviceModel(
      name: "ConnectX-6", vendor: 0x15b3, devices: [0x101b], kind: .adapter, pcieGen: 4, pcieWidth: 16,
      portRateGbps: 200),
    DeviceModel(
      name: "ConnectX-6 Dx", vendor: 0x15b3, devices: [0x101d], kind: .adapter, pcieGen: 4, pcieWidth: 16,
      portRateGbps: 100),
    DeviceModel(
      name: "ConnectX-7", vendor: 0x15b3, devices: [0x1021], kind: .adapter, pcieGen: 5, pcieWidth: 16,
      portRateGbps: 400),
    DeviceModel(
      name: "ConnectX VF", vendor: 0x15b3, devices: [0x1018, 0x101c, 0x101e], kind: .virtualFunction, pcieGen: 0,
      pcieWidth: 0),
  ]
}
