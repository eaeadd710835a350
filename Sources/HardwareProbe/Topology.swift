/// The PCIe path class between two devices, as NCCL and `nvidia-smi topo -m` name them (best first).
public enum PathClass: String, Sendable, Hashable, Comparable, CaseIterable {
  /// At most one PCIe switch between them (same switch, or functions of one device).
  case pix = "PIX"
  /// Several PCIe switches, without crossing the host bridge.
  case pxb = "PXB"
  /// Through the PCIe host bridge (same root complex, different root ports).
  case phb = "PHB"
  /// Between host bridges within one NUMA node.
  case node = "NODE"
  /// Across the SMP interconnect between NUMA nodes.
  case sys = "SYS"

  /// Orders best (PIX) to worst (SYS).
  public static func < (a: PathClass, b: PathClass) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// The path between two devices of interest (GPU↔GPU or GPU↔RDMA adapter).
public struct TopologyLink: Sendable, Hashable {
  /// Which kind of pair.
  public enum Kind: String, Sendable, Hashable { case gpuGPU = "gpu-gpu", gpuAdapter = "gpu-adapter" }

  /// The pair kind.
  public var kind: Kind
  /// First device's label (`GPU0`).
  public var from: String
  /// Second device's label (`GPU1` or `mlx5_0`).
  public var to: String
  /// First device's PCI address.
  public var fromAddress: PCIAddress
  /// Second device's PCI address.
  public var toAddress: PCIAddress
  /// The path class.
  public var path: PathClass
  /// True when both NUMA nodes are known and equal; nil when either is unknown.
  public var sameNUMANode: Bool?
}

/// Classifies paths from PCI ancestry and NUMA nodes.
public enum TopologyClassifier {
  /// The path class between `a` and `b`; `functions` supplies the bridges' port types (a switch's downstream
  /// ports are merged into its upstream port, so two devices under one switch are PIX).
  public static func classify(_ a: PCIFunction, _ b: PCIFunction, functions: [PCIAddress: PCIFunction]) -> PathClass {
    guard a.hostBridge == b.hostBridge, a.hostBridge != nil || (a.path.isEmpty && b.path.isEmpty) else {
      return a.numaNode == b.numaNode ? .node : .sys
    }
    let left = collapse(a.path, functions), right = collapse(b.path, functions)
    let common = zip(left, right).prefix { $0 == $1 }.count
    if common == 0 {
      let sameDevice =
        (a.address.domain, a.address.bus, a.address.device)
        == (b.address.domain, b.address.bus, b.address.device)
      return sameDevice ? .pix : .phb
    }
    return left.count == common && right.count == common ? .pix : .pxb
  }

  /// The ancestry with each switch's downstream port replaced by its upstream port and root ports dropped.
  static func collapse(_ path: [PCIAddress], _ functions: [PCIAddress: PCIFunction]) -> [PCIAddress] {
    var result: [PCIAddress] = []
    for (position, address) in path.enumerated() {
      let type = functions[address]?.express?.portType
      if type == 4 || (type == nil && position == 0) { continue }
      if type == 6, position > 0, functions[path[position - 1]]?.express?.portType == 5 { continue }
      result.append(address)
    }
    return result
  }

  /// Every GPU↔GPU and GPU↔adapter pair (physical functions only).
  static func links(gpus: [GPU], adapters: [RDMAAdapter], functions: [PCIAddress: PCIFunction]) -> [TopologyLink] {
    var links: [TopologyLink] = []
    for (position, gpu) in gpus.enumerated() {
      guard let left = functions[gpu.address] else { continue }
      for other in gpus[(position + 1)...] {
        guard let right = functions[other.address] else { continue }
        links.append(link(.gpuGPU, "GPU\(gpu.index)", left, "GPU\(other.index)", right, functions))
      }
      for adapter in adapters where !adapter.isVirtualFunction {
        guard let address = adapter.address, let right = functions[address] else { continue }
        links.append(link(.gpuAdapter, "GPU\(gpu.index)", left, adapter.name, right, functions))
      }
    }
    return links
  }

  private static func link(
    _ kind: TopologyLink.Kind, _ from: String, _ a: PCIFunction, _ to: String, _ b: PCIFunction,
    _ functions: [PCIAddress: PCIFunction]
  ) -> TopologyLink {
    let same: Bool? = a.numaNode != nil && b.numaNode != nil ? a.numaNode == b.numaNode : nil
    return TopologyLink(
      kind: kind, from: from, to: to, fromAddress: a.address, toAddress: b.address,
      path: classify(a, b, functions: functions), sameNUMANode: same)
  }
}
