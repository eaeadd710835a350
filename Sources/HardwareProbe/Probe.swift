public import HPCBasics

/// Runs the readers under one system root and assembles an `Inventory`.
public enum Probe {
  /// Probes `root`; throws only when the root itself does not exist (everything else becomes warnings).
  public static func run(root: SystemRoot, options: ProbeOptions = ProbeOptions()) throws(ProbeError) -> Inventory {
    guard root.isLive || FileSystem.isDirectory(root.path) else { throw .missingRoot(root.description) }
    let absolute = root.isLive ? root : SystemRoot(FileSystem.realPath(root.path) ?? Path.absolute(root.path))
    var pci = PCIReader(root: absolute, idsPath: options.pciIDsPath, allNames: options.allNames)
    let first = ProbeFirstPhase.read(pci: pci, root: absolute)
    let functions = pci.read(scan: first.scan)
    let byAddress = Dictionary(functions.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
    var gpuReader = GPUReader(root: absolute, functions: byAddress)
    let gpus = gpuReader.read()
    let adapters = first.adapters.map { RDMAReader.joined($0, functions: byAddress) }
    var inventory = Inventory(
      root: root.description, host: first.host, functions: functions, gpus: gpus,
      adapters: adapters, sriov: SRIOVBuilder.groups(functions: functions, adapters: adapters),
      topology: TopologyClassifier.links(gpus: gpus, adapters: adapters, functions: byAddress),
      warnings: pci.warnings + gpuReader.warnings + first.rdmaWarnings)
    if !FileSystem.isDirectory(absolute.resolve("/sys/bus/pci/devices")) {
      inventory.warnings.insert(
        ProbeWarning(absolute.resolve("/sys/bus/pci/devices"), "missing: no PCI functions"), at: 0)
    }
    inventory.warnings += HealthWarnings.find(in: inventory)
    return inventory
  }
}
