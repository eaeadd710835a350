/// The sysfs facts checks share, gathered once per check run.
package struct NodeFacts: Sendable {
  /// Every PCI function.
  package var pci: [PCIDeviceFacts]
  /// Every RDMA device.
  package var rdma: [IBDeviceFacts]
  /// The reader they came from.
  package var reader: SysfsReader

  /// Gathers the facts under `context.root`.
  package init(_ context: CheckContext) {
    reader = SysfsReader(root: context.root)
    pci = PCIScan.devices(reader)
    rdma = IBScan.devices(reader)
  }

  /// GPUs (physical functions only): NVIDIA display controllers, and Intel ones that are 3D/other-display class
  /// or a known model (integrated graphics and BMC VGA are left out).
  package var gpus: [PCIDeviceFacts] {
    pci.filter { device in
      guard device.isGPU, device.physicalFunction == nil else { return false }
      switch device.vendor {
      case 0x10de: return true
      case 0x8086: return device.classCode >> 8 != 0x0300 || device.model != nil
      default: return false
      }
    }
  }

  /// NVIDIA GPUs.
  package var nvidiaGPUs: [PCIDeviceFacts] { gpus.filter { $0.vendor == 0x10de } }
  /// Intel GPUs.
  package var intelGPUs: [PCIDeviceFacts] { gpus.filter { $0.vendor == 0x8086 } }

  /// Mellanox/NVIDIA networking physical functions.
  package var adapters: [PCIDeviceFacts] {
    pci.filter { $0.isMellanoxAdapter && $0.physicalFunction == nil && $0.model?.kind != .virtualFunction }
  }

  /// The PCI function at `address`.
  package func device(_ address: String) -> PCIDeviceFacts? { pci.first { $0.address == address } }

  /// The link that tells a card's slot speed: for Intel GPUs behind their on-card switch, the switch's upstream
  /// port (the endpoint itself reports a nominal 2.5 GT/s x1); otherwise the device's own link.
  package func cardLink(_ gpu: PCIDeviceFacts) -> (LinkFacts, String) {
    guard gpu.vendor == 0x8086 else { return (gpu.link, gpu.address) }
    var upstream: PCIDeviceFacts?
    for address in gpu.ancestors.dropFirst().reversed() {
      guard let bridge = device(address), bridge.vendor == 0x8086, bridge.isBridge else { break }
      upstream = bridge
    }
    guard let upstream else { return (gpu.link, gpu.address) }
    return (upstream.link, "\(gpu.address) (upstream port \(upstream.address))")
  }
}
