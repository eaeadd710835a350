/// nvidia-smi's topology classes for the PCIe path between two devices, best first.
package enum PathClass: String, Sendable, Hashable, Comparable, CaseIterable {
  /// At most one PCIe switch between them.
  case pix = "PIX"
  /// Several PCIe bridges, not through the host bridge.
  case pxb = "PXB"
  /// Through a PCIe host bridge (same root complex).
  case phb = "PHB"
  /// Between host bridges of one NUMA node.
  case node = "NODE"
  /// Across the SMP interconnect between NUMA nodes.
  case sys = "SYS"

  private var rank: Int { Self.allCases.firstIndex(of: self)! }
  package static func < (a: PathClass, b: PathClass) -> Bool { a.rank < b.rank }

  /// The class of the path between `a` and `b` from their sysfs placement and NUMA nodes.
  ///
  /// Different host bridges: `SYS` when both NUMA nodes are known and differ, else `NODE`. Same host bridge:
  /// `PHB` when they meet only at the host bridge or a root port; `PIX` when the path crosses at most three bridges
  /// (one switch: downstream, upstream, downstream port); `PXB` otherwise.
  package static func between(_ a: PCIDeviceFacts, _ b: PCIDeviceFacts) -> PathClass {
    guard a.hostBridge == b.hostBridge, !a.hostBridge.isEmpty else {
      if let na = a.numaNode, let nb = b.numaNode, na != nb { return .sys }
      return .node
    }
    let common = zip(a.ancestors, b.ancestors).prefix { $0 == $1 }.count
    guard common > 1 else { return .phb }
    let bridges = (a.ancestors.count - common) + (b.ancestors.count - common) + 1
    return bridges <= 3 ? .pix : .pxb
  }

  /// The bridges on the path between `a` and `b` below the host bridge (where ACS applies).
  package static func bridges(_ a: PCIDeviceFacts, _ b: PCIDeviceFacts) -> [String] {
    guard a.hostBridge == b.hostBridge else { return a.ancestors + b.ancestors }
    let common = zip(a.ancestors, b.ancestors).prefix { $0 == $1 }.count
    let shared = common > 0 ? [a.ancestors[common - 1]] : []
    return shared + Array(a.ancestors.dropFirst(common)) + Array(b.ancestors.dropFirst(common))
  }
}
