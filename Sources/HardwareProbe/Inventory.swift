import HPCBasics

/// Everything the probe found on one node: a pure value, read once, queried by checks and requirement matching.
public struct Inventory: Sendable, Hashable {
  /// Version of the JSON schema this value renders to (see README.md).
  public static let schemaVersion = 1

  /// The system root it was read from (`/` for the live system).
  public var root: String
  /// CPU, memory, architecture, NUMA nodes, driver versions.
  public var host: HostInfo
  /// Every PCI function, in address order.
  public var functions: [PCIFunction]
  /// GPUs, in address order.
  public var gpus: [GPU]
  /// RDMA devices (InfiniBand, RoCE, iWARP), in name order.
  public var adapters: [RDMAAdapter]
  /// Physical functions that can have VFs, with their VFs.
  public var sriov: [SRIOVGroup]
  /// GPU↔GPU and GPU↔adapter path classes.
  public var topology: [TopologyLink]
  /// What could not be read and what looks wrong.
  public var warnings: [ProbeWarning]

  /// Creates an inventory from parts.
  public init(
    root: String, host: HostInfo, functions: [PCIFunction], gpus: [GPU], adapters: [RDMAAdapter],
    sriov: [SRIOVGroup], topology: [TopologyLink], warnings: [ProbeWarning]
  ) {
    self.root = root
    self.host = host
    self.functions = functions
    self.gpus = gpus
    self.adapters = adapters
    self.sriov = sriov
    self.topology = topology
    self.warnings = warnings
  }
}

/// Options of a probe run.
public struct ProbeOptions: Sendable, Hashable {
  /// A pci.ids file to use instead of the system's (tests pin one so names do not depend on the machine).
  public var pciIDsPath: String?
  /// Look up every function's name in pci.ids; by default only GPUs, network and accelerator functions (and
  /// their VFs) fall back to pci.ids, so the database (tens of milliseconds to parse) is read only when one of
  /// them is missing from hpctest's own table.
  public var allNames: Bool

  /// Creates options.
  public init(pciIDsPath: String? = nil, allNames: Bool = false) {
    self.pciIDsPath = pciIDsPath
    self.allNames = allNames
  }
}
