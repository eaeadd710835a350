import HPCBasics

/// Reads `/sys/class/infiniband/*` (InfiniBand, RoCE and iWARP devices alike) and maps them to PCI functions.
struct RDMAReader {
  /// The system root.
  let root: SystemRoot
  /// PCI functions by address.
  let functions: [PCIAddress: PCIFunction]
  /// Problems found.
  var warnings: [ProbeWarning] = []

  /// Every RDMA device, in natural name order.
  mutating func read() -> [RDMAAdapter] {
    let base = root.resolve("/sys/class/infiniband")
    return Sysfs.list(base).compactMap { name in
      let entry = base + "/" + name
      guard FileSystem.isDirectory(entry) else { return nil }
      let directory = Sysfs.resolveLink(entry) ?? entry
      return readAdapter(name, directory: directory)
    }
  }

  private mutating func readAdapter(_ name: String, directory: String) -> RDMAAdapter {
    let address = Sysfs.resolveLink(directory + "/device").flatMap { PCIAddress(Path.basename($0)) }
    let function = address.flatMap { functions[$0] }
    let ports = Sysfs.list(directory + "/ports").compactMap { entry in
      Int(entry).map { readPort($0, directory: directory + "/ports/" + entry, device: name) }
    }
    let nodeType = Sysfs.text(directory + "/node_type")
    return RDMAAdapter(
      name: name, address: address, deviceName: function?.name, driver: function?.driver,
      numaNode: function?.numaNode, nodeGUID: Sysfs.text(directory + "/node_guid"),
      systemImageGUID: Sysfs.text(directory + "/sys_image_guid"), firmware: Sysfs.text(directory + "/fw_ver"),
      hcaType: Sysfs.text(directory + "/hca_type"), boardID: Sysfs.text(directory + "/board_id"),
      nodeType: nodeType, isVirtualFunction: function?.isVirtualFunction ?? false,
      transport: RDMAReader.transport(nodeType: nodeType, linkLayers: ports.compactMap(\.linkLayer)),
      ports: ports, ofedVFs: readOFED(directory + "/device/sriov"))
  }

  /// iWARP for node type RNIC, else InfiniBand or RoCE by the first port's link layer.
  static func transport(nodeType: String?, linkLayers: [String]) -> RDMATransport {
    if let nodeType, RDMAReader.splitState(nodeType).name == "RNIC" { return .iwarp }
    switch linkLayers.first {
    case "InfiniBand": return .infiniband
    case "Ethernet": return .roce
    default: return .unknown
    }
  }

  private mutating func readPort(_ number: Int, directory: String, device: String) -> RDMAPort {
    let rate = Sysfs.text(directory + "/rate")
    let port = RDMAPort(
      number: number, state: Sysfs.text(directory + "/state").map { RDMAReader.splitState($0).name },
      physicalState: Sysfs.text(directory + "/phys_state").map { RDMAReader.splitState($0).name },
      rate: rate, rateGbps: rate.flatMap(RDMAReader.parseRate), linkLayer: Sysfs.text(directory + "/link_layer"),
      lid: Sysfs.text(directory + "/lid").flatMap { Sysfs.parseHex($0) }.flatMap { Int(exactly: $0) },
      smLID: Sysfs.text(directory + "/sm_lid").flatMap { Sysfs.parseHex($0) }.flatMap { Int(exactly: $0) },
      gids: readGIDs(directory + "/gids"), counters: readCounters(directory + "/counters"))
    if rate != nil && port.rateGbps == nil {
      warnings.append(ProbeWarning("\(device) port \(number)", "rate '\(rate!)' is not like '200 Gb/sec (4X HDR)'"))
    }
    return port
  }

  /// `4: ACTIVE` → (4, `ACTIVE`); text without a code keeps its whole text as the name.
  static func splitState(_ text: String) -> (code: Int?, name: String) {
    guard let colon = text.firstIndex(of: ":"), let code = Int(text[..<colon]) else { return (nil, text) }
    return (code, text[text.index(after: colon)...].trimmingCharacters(in: " \t"))
  }

  /// `200 Gb/sec (4X HDR)` → 200; nil for anything else.
  static func parseRate(_ text: String) -> Double? {
    guard text.contains("Gb/sec"), let first = text.split(separator: " ").first, let value = Double(first),
      value >= 0
    else { return nil }
    return value
  }

  /// Non-zero GIDs in index order. Real ports list 128–255 entries that are mostly zero, so reading stops after
  /// `gidZeroRun` zero entries in a row (RoCE tables fill from index 0).
  private func readGIDs(_ directory: String) -> [Int: String] {
    var gids: [Int: String] = [:]
    var zeros = 0
    for entry in Sysfs.list(directory) {
      guard let index = Int(entry) else { continue }
      guard let gid = Sysfs.text(directory + "/" + entry), !RDMAReader.isZeroGID(gid) else {
        zeros += 1
        if zeros >= RDMAReader.gidZeroRun { break }
        continue
      }
      zeros = 0
      gids[index] = gid
    }
    return gids
  }

  /// Zero GIDs in a row after which the rest of a port's GID table is not read.
  static let gidZeroRun = 16

  /// True for `0000:0000:...` (an unset GID or GUID).
  static func isZeroGID(_ text: String) -> Bool { text.allSatisfy { $0 == "0" || $0 == ":" } }

  private func readCounters(_ directory: String) -> [String: UInt64] {
    var counters: [String: UInt64] = [:]
    for entry in Sysfs.list(directory) {
      if let value = Sysfs.text(directory + "/" + entry).flatMap({ UInt64($0) }) { counters[entry] = value }
    }
    return counters
  }

  private func readOFED(_ directory: String) -> [OFEDVFSettings] {
    Sysfs.list(directory).compactMap { entry in
      guard let index = Int(entry) else { return nil }
      let vf = directory + "/" + entry
      return OFEDVFSettings(
        index: index, node: Sysfs.text(vf + "/node"), port: Sysfs.text(vf + "/port"),
        policy: Sysfs.text(vf + "/policy"))
    }
  }
}
