/// How an RDMA device moves packets.
public enum RDMATransport: String, Sendable, Hashable {
  /// InfiniBand link layer.
  case infiniband
  /// RDMA over Converged Ethernet (link layer Ethernet, node type CA).
  case roce
  /// iWARP (node type RNIC, e.g. Intel E810 `irdma` in iWARP mode).
  case iwarp
  /// Not determinable from sysfs.
  case unknown
}

/// One RDMA device from `/sys/class/infiniband/<name>`, mapped to its PCI function.
public struct RDMAAdapter: Sendable, Hashable {
  /// Device name (`mlx5_0`, `irdma1`, `mlx5_bond_0`).
  public var name: String
  /// The PCI function behind it (`device` link), when known.
  public var address: PCIAddress?
  /// The PCI function's name (`ConnectX-7`), when known.
  public var deviceName: String?
  /// Kernel driver of the PCI function (`mlx5_core`, `ice`).
  public var driver: String?
  /// NUMA node of the PCI function.
  public var numaNode: Int?
  /// `node_guid` (`a088:c203:00e3:142a`).
  public var nodeGUID: String?
  /// `sys_image_guid`.
  public var systemImageGUID: String?
  /// `fw_ver`.
  public var firmware: String?
  /// `hca_type` (`MT4129`).
  public var hcaType: String?
  /// `board_id` (`MT_0000000838`).
  public var boardID: String?
  /// `node_type` (`1: CA`, `4: RNIC`).
  public var nodeType: String?
  /// True when its PCI function is an SR-IOV virtual function.
  public var isVirtualFunction: Bool
  /// The transport, from the ports' link layer and the node type.
  public var transport: RDMATransport
  /// Ports in number order.
  public var ports: [RDMAPort]
  /// MLNX_OFED's per-VF settings under `device/sriov/N` (PF only).
  public var ofedVFs: [OFEDVFSettings]
}

/// One port of an RDMA device.
public struct RDMAPort: Sendable, Hashable {
  /// Port number (1-based).
  public var number: Int
  /// Logical state name (`ACTIVE`, `DOWN`, `INIT`, `ARMED`), from `4: ACTIVE`.
  public var state: String?
  /// Physical state name (`LinkUp`, `Polling`, `Disabled`), from `5: LinkUp`.
  public var physicalState: String?
  /// `rate` as written (`200 Gb/sec (4X HDR)`).
  public var rate: String?
  /// The rate in Gb/s (`200`).
  public var rateGbps: Double?
  /// `link_layer` (`InfiniBand`, `Ethernet`).
  public var linkLayer: String?
  /// Base LID (`0x1d` → 29); nil on Ethernet or unreadable.
  public var lid: Int?
  /// Subnet manager LID.
  public var smLID: Int?
  /// Non-zero GIDs by index (`0: fe80:0000:0000:0000:a088:c203:00e3:142a`).
  public var gids: [Int: String]
  /// `counters/*` (error and traffic counters).
  public var counters: [String: UInt64]

  /// True when the logical state is ACTIVE.
  public var isActive: Bool { state == "ACTIVE" }
}

/// MLNX_OFED `device/sriov/N/{node,port,policy}` for one VF.
public struct OFEDVFSettings: Sendable, Hashable {
  /// VF index.
  public var index: Int
  /// Node GUID assigned to the VF.
  public var node: String?
  /// Port GUID assigned to the VF.
  public var port: String?
  /// Link policy (`Follow`, `Up`, `Down`).
  public var policy: String?
}
