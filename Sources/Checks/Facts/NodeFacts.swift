import HPCBasics
import HardwareProbe

/// The facts checks share, gathered once per check run from the probe's inventory (`HardwareProbe`) under the
/// context's root and adapted to the judges' fact structs.
package struct NodeFacts: Sendable {
  /// Every PCI function.
  package var pci: [PCIDeviceFacts]
  /// Every RDMA device.
  package var rdma: [IBDeviceFacts]
  /// The probe's inventory (empty when the root is missing).
  package var inventory: Inventory?
  /// The root the facts were read under.
  package var root: SystemRoot
  /// The probe's functions by address (bridge port types for path classes).
  private var functions: [PCIAddress: PCIFunction]

  /// Runs the probe under `context.root`.
  package init(_ context: CheckContext) {
    root = context.root
    inventory = try? Probe.run(root: context.root)
    let all = inventory?.functions ?? []
    functions = Dictionary(all.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
    pci = all.map(PCIDeviceFacts.init).sorted { $0.address < $1.address }
    rdma = (inventory?.adapters ?? []).map(IBDeviceFacts.init)
  }

  /// The probe's GPUs (NVIDIA display controllers; Intel ones of a known model or behind a bridge), as facts.
  package var gpus: [PCIDeviceFacts] {
    (inventory?.gpus ?? []).compactMap { device($0.address.description) }
  }

  /// NVIDIA GPUs.
  package var nvidiaGPUs: [PCIDeviceFacts] { gpus.filter { $0.vendor == 0x10de } }
  /// Intel GPUs.
  package var intelGPUs: [PCIDeviceFacts] { gpus.filter { $0.vendor == 0x8086 } }

  /// RDMA adapter physical functions: Mellanox/NVIDIA networking functions and any function with an RDMA device
  /// in sysfs (Intel `irdma`, Broadcom `bnxt_re`...); never a virtual function.
  package var adapterFunctions: [PCIDeviceFacts] {
    let withRDMA = Set(rdma.compactMap(\.pciAddress))
    return pci.filter { function in
      function.physicalFunction == nil && function.model?.kind != .virtualFunction
        && (function.isMellanoxAdapter || withRDMA.contains(function.address))
    }
  }

  /// The adapters as cards (a dual-port card with two functions is one adapter).
  package var cards: [AdapterCard] {
    let byAddress = Dictionary(grouping: rdma.filter { $0.pciAddress != nil }, by: { $0.pciAddress! })
    return AdapterCard.group(
      adapterFunctions, imageGUID: { byAddress[$0]?.first?.systemImageGUID },
      rdma: { byAddress[$0]?.map(\.name) ?? [] })
  }

  /// One function per card (its lowest), for placement and PCIe link checks.
  package var adapters: [PCIDeviceFacts] { cards.map(\.primary) }

  /// The SR-IOV groups of the RDMA adapters, with each VF's IOMMU group.
  package var adapterPhysicalFunctions: [PFFacts] {
    let adapters = Set(adapterFunctions.map(\.address))
    return (inventory?.sriov ?? []).filter { adapters.contains($0.physicalFunction.description) }.map {
      PFFacts($0, vendor: functions[$0.physicalFunction]?.vendorID ?? 0, iommuGroup: { functions[$0]?.iommuGroup })
    }
  }

  /// The PCI function at `address`.
  package func device(_ address: String) -> PCIDeviceFacts? { pci.first { $0.address == address } }

  /// The probe's GPU at `address`.
  package func probedGPU(_ address: String) -> GPU? {
    PCIAddress(address).flatMap { inventory?.gpu(at: $0) }
  }

  /// The topology class of the path between two functions (the probe's classifier).
  package func path(_ a: PCIDeviceFacts, _ b: PCIDeviceFacts) -> PathClass {
    guard let left = PCIAddress(a.address).flatMap({ functions[$0] }),
      let right = PCIAddress(b.address).flatMap({ functions[$0] })
    else { return .sys }
    return TopologyClassifier.classify(left, right, functions: functions)
  }

  /// The link that tells a card's slot speed: for Intel GPUs behind their on-card switch, the switch's upstream
  /// port (the probe's `upstreamPort`; the endpoint itself reports a nominal 2.5 GT/s x1); otherwise the device's
  /// own link.
  package func cardLink(_ gpu: PCIDeviceFacts) -> (LinkFacts, String) {
    guard let port = probedGPU(gpu.address)?.upstreamPort, let upstream = device(port.description) else {
      return (gpu.link, gpu.address)
    }
    return (upstream.link, "\(gpu.address) (upstream port \(upstream.address))")
  }
}
