extension Inventory {
  /// The PCI function at `address`.
  public func function(at address: PCIAddress) -> PCIFunction? {
    functions.first { $0.address == address }
  }

  /// The GPU at `address`.
  public func gpu(at address: PCIAddress) -> GPU? { gpus.first { $0.address == address } }

  /// The RDMA device named `name` (`mlx5_0`).
  public func adapter(named name: String) -> RDMAAdapter? { adapters.first { $0.name == name } }

  /// RDMA devices on physical functions (what NCCL and the topology use).
  public var physicalAdapters: [RDMAAdapter] { adapters.filter { !$0.isVirtualFunction } }

  /// Every port of every RDMA device, with its device.
  public var ports: [(adapter: RDMAAdapter, port: RDMAPort)] {
    adapters.flatMap { adapter in adapter.ports.map { (adapter, $0) } }
  }

  /// The SR-IOV group of physical function `address`.
  public func sriovGroup(of address: PCIAddress) -> SRIOVGroup? {
    sriov.first { $0.physicalFunction == address }
  }

  /// All virtual functions of all physical functions.
  public var virtualFunctions: [VirtualFunction] { sriov.flatMap(\.virtualFunctions) }

  /// The path class between two devices given by PCI address (either order), when both are GPUs or adapters.
  public func path(between a: PCIAddress, and b: PCIAddress) -> TopologyLink? {
    topology.first { ($0.fromAddress == a && $0.toAddress == b) || ($0.fromAddress == b && $0.toAddress == a) }
  }

  /// The adapters closest to `gpu` (best path class first, then name).
  public func nearestAdapters(to gpu: GPU) -> [(adapter: RDMAAdapter, path: PathClass)] {
    topology.filter { $0.kind == .gpuAdapter && $0.fromAddress == gpu.address }.compactMap { link in
      adapter(named: link.to).map { ($0, link.path) }
    }.sorted { ($0.path, $0.adapter.name) < ($1.path, $1.adapter.name) }
  }

  /// GPUs of one vendor.
  public func gpus(vendor: GPUVendor) -> [GPU] { gpus.filter { $0.vendor == vendor } }
}
