import HardwareProbe

/// Judges GPU↔adapter placement: path class and NUMA affinity, and ACS redirection on the path.
package enum TopologyJudge {
  /// The path class between two functions (the gatherer supplies the probe's classifier).
  package typealias PathOf = (PCIDeviceFacts, PCIDeviceFacts) -> PathClass

  /// For each GPU, its nearest adapter by path class. A GPU with no adapter on its NUMA node is normal (one HCA,
  /// GPUs on two sockets): `info` with the path class. It fails when the path and the NUMA affinity disagree (a
  /// closer adapter than the path points at, or a PIX/PXB/PHB path between different NUMA nodes), or when the
  /// path is worse than `maxPath`.
  package static func affinity(
    gpus: [PCIDeviceFacts], adapters: [PCIDeviceFacts], maxPath: PathClass?, path classify: PathOf
  ) -> [CheckItem] {
    gpus.compactMap { gpu in
      guard let (adapter, path) = nearest(gpu, adapters, classify) else { return nil }
      let name = "\(gpu.address)-\(adapter.address)"
      let text =
        "\(gpu.address) ↔ \(adapter.address): path \(path.rawValue), NUMA \(node(gpu.numaNode)) / \(node(adapter.numaNode))"
      if let problem = numaProblem(gpu, adapter, path, adapters) {
        return CheckItem(name, .fail, "\(text), \(problem)")
      }
      if let maxPath, path > maxPath {
        return CheckItem(name, .fail, "\(text), expected \(maxPath.rawValue) or better (max-path-class)")
      }
      if let g = gpu.numaNode, let a = adapter.numaNode, g != a {
        return CheckItem(name, .info, "\(text): no adapter on NUMA node \(g), the nearest is \(path.rawValue)")
      }
      return CheckItem(name, .pass, text)
    }
  }

  /// Why the NUMA nodes contradict the path: an adapter on the GPU's node other than the nearest by path, or a
  /// path inside one root complex between devices that report different nodes.
  static func numaProblem(
    _ gpu: PCIDeviceFacts, _ adapter: PCIDeviceFacts, _ path: PathClass, _ adapters: [PCIDeviceFacts]
  ) -> String? {
    guard let g = gpu.numaNode, let a = adapter.numaNode, g != a else { return nil }
    if path <= .phb { return "expected the same NUMA node for a \(path.rawValue) path (NUMA affinity misreported?)" }
    if let closer = adapters.first(where: { $0.numaNode == g }) {
      return "expected \(closer.address) on the GPU's NUMA node \(g), which the path does not point at"
    }
    return nil
  }

  /// For each GPU and its nearest adapter: the bridges on the path must not redirect peer-to-peer traffic.
  package static func acs(
    gpus: [PCIDeviceFacts], adapters: [PCIDeviceFacts], bridges: [String: PCIDeviceFacts], path classify: PathOf
  ) -> [CheckItem] {
    gpus.compactMap { gpu in
      guard let (adapter, path) = nearest(gpu, adapters, classify) else { return nil }
      let name = "\(gpu.address)-\(adapter.address)"
      let onPath = bridgesBetween(gpu, adapter).compactMap { bridges[$0] }
      if path >= .node {
        return CheckItem(name, .skip, "\(name): path \(path.rawValue) crosses host bridges, ACS does not apply")
      }
      let unreadable = onPath.filter { $0.acsControl == nil }.map(\.address)
      let redirecting = onPath.compactMap { bridge -> String? in
        let bits = redirectNames(bridge.acsControl ?? 0)
        return bits.isEmpty ? nil : "\(bridge.address) \(bits.joined(separator: "+"))"
      }
      if !redirecting.isEmpty {
        let message = "\(name): ACS redirect on \(redirecting.joined(separator: ", ")), expected none on the path"
        return CheckItem(name, .fail, message)
      }
      if !unreadable.isEmpty && unreadable.count == onPath.count {
        return CheckItem(name, .skip, "\(name): ACS not readable on \(unreadable.joined(separator: ", ")) (needs root)")
      }
      return CheckItem(name, .pass, "\(name): no ACS redirect on \(onPath.count) bridges of the \(path.rawValue) path")
    }
  }

  /// The adapter with the best path class to `gpu` (first by address on ties).
  package static func nearest(_ gpu: PCIDeviceFacts, _ adapters: [PCIDeviceFacts], _ path: PathOf)
    -> (PCIDeviceFacts, PathClass)?
  {
    adapters.map { ($0, path(gpu, $0)) }.min { $0.1 < $1.1 }
  }

  /// The bridges on the path between `a` and `b` below the host bridge (where ACS applies): the last common
  /// ancestor and each side's bridges below it.
  package static func bridgesBetween(_ a: PCIDeviceFacts, _ b: PCIDeviceFacts) -> [String] {
    guard a.hostBridge == b.hostBridge else { return a.ancestors + b.ancestors }
    let common = zip(a.ancestors, b.ancestors).prefix { $0 == $1 }.count
    let shared = common > 0 ? [a.ancestors[common - 1]] : []
    return shared + Array(a.ancestors.dropFirst(common)) + Array(b.ancestors.dropFirst(common))
  }

  /// Names of the ACS control bits that redirect peer-to-peer traffic up to the root complex (`RR` request
  /// redirect, `CR` completion redirect, `UF` upstream forwarding, `EC` egress control).
  package static func redirectNames(_ control: UInt16) -> [String] {
    let names: [(UInt16, String)] = [(1 << 2, "RR"), (1 << 3, "CR"), (1 << 4, "UF"), (1 << 5, "EC")]
    return names.filter { control & $0.0 != 0 }.map(\.1)
  }

  static func node(_ value: Int?) -> String { value.map(String.init) ?? "?" }
}
