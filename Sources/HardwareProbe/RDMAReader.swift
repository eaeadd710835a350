import HPCBasics

/// Reads `/sys/class/infiniband/*` (InfiniBand, RoCE and iWARP devices alike) and maps them to PCI functions.
struct RDMAReader {
  /// The system root.
  let root: SystemRoot
  /// PCI functions by address.
  let functions: [PCIAddress: PCIFunction]
  /// Problems found.
  var warnings: [ProbeWarning] = []

  /// Every RDMA device, in natural name order, read side by side (`Parallel.map`).
  mutating func read() -> [RDMAAdapter] {
    let base = SysfsDirectory(root.resolve("/sys/class/infiniband"))
    let blank = RDMAReader(root: root, functions: functions)
    let read = Parallel.map(base.entries()) { name -> (adapter: RDMAAdapter?, warnings: [ProbeWarning]) in
      guard base.isDirectory(name) else { return (nil, []) }
      var reader = blank
      let directory = SysfsDirectory(base.resolveLink(name) ?? base.path + "/" + name)
      return (reader.readAdapter(name, directory: directory), reader.warnings)
    }
    warnings += read.flatMap(\.warnings)
    return read.compactMap(\.adapter)
  }

  private mutating func readAdapter(_ name: String, directory: SysfsDirectory) -> RDMAAdapter {
    let address = directory.resolveLink("device").flatMap { PCIAddress(Path.basename($0)) }
    let function = address.flatMap { functions[$0] }
    let portsDirectory = SysfsDirectory("ports", in: directory)
    let ports = portsDirectory.entries().compactMap { entry in
      Int(entry).map { readPort($0, directory: SysfsDirectory(entry, in: portsDirectory), device: name) }
    }
    let nodeType = directory.text("node_type")
    // MLNX_OFED's per-VF settings live under a PF's device; a VF has none.
    let isVF = function?.isVirtualFunction ?? false
    return RDMAAdapter(
      name: name, address: address, deviceName: function?.name, driver: function?.driver,
      numaNode: function?.numaNode, nodeGUID: directory.text("node_guid"),
      systemImageGUID: directory.text("sys_image_guid"), firmware: directory.text("fw_ver"),
      hcaType: directory.text("hca_type"), boardID: directory.text("board_id"),
      nodeType: nodeType, isVirtualFunction: isVF,
      transport: RDMAReader.transport(nodeType: nodeType, linkLayers: ports.compactMap(\.linkLayer)),
      ports: ports, ofedVFs: isVF ? [] : readOFED(SysfsDirectory(directory.path + "/device/sriov")))
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

  private mutating func readPort(_ number: Int, directory: SysfsDirectory, device: String) -> RDMAPort {
    let rate = directory.text("rate")
    let port = RDMAPort(
      number: number, state: directory.text("state").map { RDMAReader.splitState($0).name },
      physicalState: directory.text("phys_state").map { RDMAReader.splitState($0).name },
      rate: rate, rateGbps: rate.flatMap(RDMAReader.parseRate), linkLayer: directory.text("link_layer"),
      lid: directory.hexValue("lid").flatMap { Int(exactly: $0) },
      smLID: directory.hexValue("sm_lid").flatMap { Int(exactly: $0) },
      gids: readGIDs(SysfsDirectory("gids", in: directory)),
      counters: readCounters(SysfsDirectory("counters", in: directory)))
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
    guard Sysfs.bytes(of: text, contain: "Gb/sec"), let first = text.split(separator: " ").first,
      let value = Double(first),
      value >= 0
    else { return nil }
    return value
  }

  /// Non-zero GIDs in index order. Real ports list 128–255 entries that are mostly zero, so reading stops after
  /// `gidZeroRun` zero entries in a row (RoCE tables fill from index 0).
  private func readGIDs(_ directory: SysfsDirectory) -> [Int: String] {
    var gids: [Int: String] = [:]
    var zeros = 0
    for entry in directory.entries() {
      guard let index = Int(entry) else { continue }
      guard let gid = directory.text(entry), !RDMAReader.isZeroGID(gid) else {
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

  private func readCounters(_ directory: SysfsDirectory) -> [String: UInt64] {
    var counters: [String: UInt64] = [:]
    for entry in directory.unsortedEntries() {
      if let value = directory.text(entry).flatMap({ UInt64($0) }) { counters[entry] = value }
    }
    return counters
  }

  private func readOFED(_ directory: SysfsDirectory) -> [OFEDVFSettings] {
    directory.entries().compactMap { entry in
      guard let index = Int(entry) else { return nil }
      let vf = SysfsDirectory(entry, in: directory)
      return OFEDVFSettings(index: index, node: vf.text("node"), port: vf.text("port"), policy: vf.text("policy"))
    }
  }
}
