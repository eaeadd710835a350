import HPCBasics

/// The probe's first phase: libpci's scan, the host facts and every RDMA device, read side by side
/// (`Parallel.map`, one job each). None of them needs the PCI functions, so libpci's serial scan (one thread)
/// overlaps with the RDMA devices' reads (the other threads) instead of leaving the other CPUs idle; the PCI
/// functions are read next (they need the scan's config space) and then joined with the adapters.
struct ProbeFirstPhase {
  /// libpci's scan.
  var scan: PCIScan
  /// CPU, memory, NUMA nodes, architecture, driver version.
  var host: HostInfo
  /// RDMA devices in name order, not yet joined with their PCI functions (`RDMAReader.joined`).
  var adapters: [RDMAAdapter]
  /// Problems found reading the RDMA devices, in device order.
  var rdmaWarnings: [ProbeWarning]

  private enum Job {
    case scan
    case host
    case device(String)
  }

  private enum Outcome {
    case scan(PCIScan)
    case host(HostInfo)
    case device(adapter: RDMAAdapter?, warnings: [ProbeWarning])
  }

  /// Runs the jobs: the scan first (the longest single job), then the host facts, then the devices in order.
  static func read(pci: PCIReader, root: SystemRoot) -> ProbeFirstPhase {
    let (base, names) = RDMAReader.devices(root: root)
    let jobs = [Job.scan, Job.host] + names.map(Job.device)
    let outcomes = Parallel.map(jobs) { job -> Outcome in
      switch job {
      case .scan: return .scan(pci.scan())
      case .host: return .host(HostReader.read(root: root))
      case .device(let name):
        let read = RDMAReader.readDevice(name, in: base, root: root)
        return .device(adapter: read.adapter, warnings: read.warnings)
      }
    }
    guard case .scan(let scan) = outcomes[0], case .host(let host) = outcomes[1] else {
      preconditionFailure("jobs 0 and 1 are the scan and the host facts")
    }
    var phase = ProbeFirstPhase(scan: scan, host: host, adapters: [], rdmaWarnings: [])
    for case .device(let adapter, let warnings) in outcomes.dropFirst(2) {
      if let adapter { phase.adapters.append(adapter) }
      phase.rdmaWarnings += warnings
    }
    return phase
  }
}
