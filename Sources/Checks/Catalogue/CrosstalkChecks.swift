import HardwareProbe

/// GPU↔adapter placement and GPUDirect checks.
enum CrosstalkChecks {
  static let all = [affinity, acs, gpudirect] + CrosstalkLoadChecks.all

  /// GPUs and adapters, or a skip result when either is missing.
  static func pairs(_ context: CheckContext, _ check: String) -> Result<NodeFacts, Stop> {
    let facts = NodeFacts(context)
    if facts.gpus.isEmpty { return .failure(Stop(.skip(check, "no GPU found"))) }
    if facts.adapters.isEmpty { return .failure(Stop(.skip(check, "no RDMA adapter found"))) }
    return .success(facts)
  }

  static let affinity = CheckDefinition(
    "crosstalk.affinity",
    "each GPU's nearest adapter agrees with NUMA affinity (none on the GPU's node: info), path ≤ max-path-class",
    needs: "sysfs", keys: ["max-path-class", "allow-sys"]
  ) { context in
    switch pairs(context, "crosstalk.affinity") {
    case .failure(let stop): return stop.result
    case .success(let facts):
      let items = TopologyJudge.affinity(
        gpus: facts.gpus, adapters: facts.adapters, maxPath: maxPathClass(context.expectations), path: facts.path)
      return CheckResult(check: "crosstalk.affinity", items: items)
    }
  }

  /// `max-path-class`; else `allow-sys: false` as NODE (the older key), `allow-sys: true` or nothing as no limit.
  static func maxPathClass(_ expectations: Expectations) -> PathClass? {
    if let text = expectations.string("max-path-class") { return PathClass(rawValue: text.trimmed.uppercased()) }
    return expectations.bool("allow-sys") == false ? .node : nil
  }

  static let acs = CheckDefinition(
    "crosstalk.acs", "no ACS redirect bits on the bridges between each GPU and its nearest adapter",
    needs: "sysfs (config space: root)"
  ) { context in
    switch pairs(context, "crosstalk.acs") {
    case .failure(let stop): return stop.result
    case .success(let facts):
      let bridges = Dictionary(facts.pci.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
      let items = TopologyJudge.acs(
        gpus: facts.gpus, adapters: facts.adapters, bridges: bridges, path: facts.path)
      return CheckResult(check: "crosstalk.acs", items: items)
    }
  }

  static let gpudirect = CheckDefinition(
    "crosstalk.gpudirect", "GPUDirect RDMA available: nvidia_peermem loaded or the open kernel module (dma-buf)",
    needs: "sysfs, /proc/driver/nvidia"
  ) { context in
    switch pairs(context, "crosstalk.gpudirect") {
    case .failure(let stop): return stop.result
    case .success(let facts):
      guard !facts.nvidiaGPUs.isEmpty else { return .skip("crosstalk.gpudirect", "no NVIDIA GPU found") }
      return CheckResult(
        check: "crosstalk.gpudirect", items: [GPUDirectJudge.judge(GPUDirectJudge.Facts(facts))])
    }
  }
}

/// Judges GPUDirect RDMA availability.
package enum GPUDirectJudge {
  /// What the kernel has loaded.
  package struct Facts: Sendable, Hashable {
    /// `/sys/module/nvidia_peermem` exists.
    package var peermem: Bool
    /// `/proc/driver/nvidia/version` names the open kernel module.
    package var openModule: Bool
    /// The driver version (`580.159.04`).
    package var version: String?

    /// The facts of a node: the driver version from the probe; `nvidia_peermem` and the module flavour (not
    /// gathered by the probe) from `/sys/module` and `/proc/driver/nvidia/version` under the root.
    package init(_ facts: NodeFacts) {
      peermem = facts.root.exists("/sys/module/nvidia_peermem")
      openModule = facts.root.text("/proc/driver/nvidia/version")?.contains("Open Kernel Module") ?? false
      version = facts.inventory?.host.nvidiaDriver
    }

    /// Creates facts.
    package init(peermem: Bool, openModule: Bool, version: String?) {
      self.peermem = peermem
      self.openModule = openModule
      self.version = version
    }
  }

  /// Passes with nvidia_peermem, or with the open module ≥ 515 (dma-buf); fails otherwise.
  package static func judge(_ facts: Facts) -> CheckItem {
    if facts.peermem { return CheckItem("gpudirect", .pass, "GPUDirect RDMA through nvidia_peermem") }
    let major = facts.version.flatMap { Int($0.before(".")) } ?? 0
    if facts.openModule && major >= 515 {
      return CheckItem("gpudirect", .pass, "GPUDirect RDMA through dma-buf (open kernel module \(facts.version!))")
    }
    let actual =
      "nvidia_peermem not loaded, \(facts.openModule ? "open" : "proprietary") module \(facts.version ?? "?")"
    return CheckItem("gpudirect", .fail, "\(actual), expected nvidia_peermem or the open module ≥ 515 (dma-buf)")
  }
}
