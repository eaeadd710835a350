/// One RDMA device under `/sys/class/infiniband`.
package struct IBDeviceFacts: Sendable, Hashable {
  /// The device name, e.g. `mlx5_0`.
  package var name: String
  /// The PCI function it belongs to.
  package var pciAddress: String?
  /// `hca_type`, e.g. `MT4123`.
  package var hcaType: String?
  /// `fw_ver`.
  package var firmware: String?
  /// `node_guid`.
  package var nodeGUID: String?
  /// `sys_image_guid` (shared by the functions of one card on most adapters).
  package var systemImageGUID: String? = nil
  /// Its ports in port order.
  package var ports: [PortFacts]
}

/// One port of an RDMA device.
package struct PortFacts: Sendable, Hashable {
  /// The device name.
  package var device: String
  /// The port number.
  package var port: Int
  /// `state` without its number, e.g. `ACTIVE`, `DOWN`.
  package var state: String
  /// `phys_state` without its number, e.g. `LinkUp`, `Disabled`.
  package var physState: String
  /// The rate in Gb/s (`200 Gb/sec (4X HDR)` → 200).
  package var rateGbps: Double?
  /// The rate as the kernel writes it.
  package var rateText: String
  /// `InfiniBand` or `Ethernet`.
  package var linkLayer: String
  /// The port LID (InfiniBand), nil when absent.
  package var lid: Int?
  /// The subnet manager's LID, nil when absent.
  package var smLid: Int?
  /// The error counters of `counters/` (only the error ones).
  package var errorCounters: [String: Int]

  /// `mlx5_0/1`.
  package var label: String { "\(device)/\(port)" }

  /// True for InfiniBand (not RoCE) ports.
  package var isInfiniBand: Bool { linkLayer.lowercased() == "infiniband" }

  /// The counters that count errors (the others count traffic).
  package static let errorCounterNames = [
    "symbol_error", "link_error_recovery", "link_downed", "port_rcv_errors", "port_rcv_remote_physical_errors",
    "port_xmit_discards", "port_xmit_constraint_errors", "port_rcv_constraint_errors",
    "local_link_integrity_errors", "excessive_buffer_overrun_errors",
  ]
}

/// One SR-IOV virtual function of an adapter.
package struct VFFacts: Sendable, Hashable {
  /// The VF's PCI address.
  package var address: String
  /// The VF index (virtfnN).
  package var index: Int
  /// The bound driver.
  package var driver: String?
  /// The IOMMU group, nil when the IOMMU is off.
  package var iommuGroup: String?
  /// The node GUID the VF has (its own RDMA device's `node_guid`, or the PF's `sriov/N/node`).
  package var nodeGUID: String?
}

/// One SR-IOV capable physical function.
package struct PFFacts: Sendable, Hashable {
  /// The PF's PCI address.
  package var address: String
  /// Its RDMA device name, when it has one.
  package var rdmaDevice: String?
  /// `sriov_numvfs`.
  package var numVFs: Int
  /// `sriov_totalvfs`.
  package var totalVFs: Int
  /// Its VFs.
  package var vfs: [VFFacts]
  /// The PCI vendor of the PF (picks the default VF driver).
  package var vendor: UInt16 = 0x15b3

  /// True when SR-IOV is configured: VFs enabled or present.
  package var isConfigured: Bool { numVFs > 0 || !vfs.isEmpty }

  /// The names the site may use for it: its PCI address and its RDMA device.
  package var names: [String] { [address] + (rdmaDevice.map { [$0] } ?? []) }

  /// `0000:05:00.0 (mlx5_0)`.
  package var label: String { rdmaDevice.map { "\(address) (\($0))" } ?? address }

  /// The driver its VFs should have: `mlx5_core` (NVIDIA/Mellanox), `iavf` (Intel), `bnxt_en` (Broadcom).
  package var defaultVFDriver: String {
    [0x8086: "iavf", 0x14e4: "bnxt_en"][vendor] ?? "mlx5_core"
  }
}
