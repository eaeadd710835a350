/// Judges GPU↔adapter placement: path class and NUMA affinity, and ACS redirection on the path.
package enum TopologyJudge {
  /// For each GPU, its nearest adapter: fails at `SYS` unless allowed, and when their NUMA nodes differ.
  package static func affinity(gpus: [PCIDeviceFacts], adapters: [PCIDeviceFacts], allowSYS: Bool) -> [CheckItem] {
    gpus.compactMap { gpu in
      guard let (adapter, path) = nearest(gpu, adapters) else { return nil }
      let numa = "NUMA \(node(gpu.numaNode)) / \(node(adapter.numaNode))"
      let text = "\(gpu.address) ↔ \(adapter.address): path \(path.rawValue), \(numa)"
      let name = "\(gpu.address)-\(adapter.address)"
      if let g = gpu.numaNode, let n = adapter.numaNode, g != n {
        return CheckItem(name, .fail, "\(text), expected the same NUMA node")
      }
      if path == .sys && !allowSYS {
        return CheckItem(name, .fail, "\(text), expected better than SYS (set allow-sys to accept)")
      }
      return CheckItem(name, .pass, text)
    }
  }

  /// For each GPU and its nearest adapter: the bridges on the path must not redirect peer-to-peer traffic.
  package static func acs(gpus: [PCIDeviceFacts], adapters: [PCIDeviceFacts], bridges: [String: PCIDeviceFacts])
    -> [CheckItem]
  {
    gpus.compactMap { gpu in
      guard let (adapter, path) = nearest(gpu, adapters) else { return nil }
      let name = "\(gpu.address)-\(adapter.address)"
      let onPath = PathClass.bridges(gpu, adapter).compactMap { bridges[$0] }
      if path >= .node {
        return CheckItem(name, .skip, "\(name): path \(path.rawValue) crosses host bridges, ACS does not apply")
      }
      let unreadable = onPath.filter { $0.acsControl == nil }.map(\.address)
      let redirecting = onPath.compactMap { bridge -> String? in
        let bits = PCIConfigSpace.redirectNames(bridge.acsControl ?? 0)
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
  package static func nearest(_ gpu: PCIDeviceFacts, _ adapters: [PCIDeviceFacts]) -> (PCIDeviceFacts, PathClass)? {
    adapters.map { ($0, PathClass.between(gpu, $0)) }.min { $0.1 < $1.1 }
  }

  static func node(_ value: Int?) -> String { value.map(String.init) ?? "?" }
}
