import HPCBasics

#if canImport(Glibc)
  import Glibc
#endif

/// Reads `/sys/class/infiniband/*` (InfiniBand, RoCE and iWARP devices alike) and maps them to PCI functions.
struct RDMAReader {
  /// The system root.
  let root: SystemRoot
  /// PCI functions by address.
  let functions: [PCIAddress: PCIFunction]
  /// Problems found.
  var warnings: [ProbeWarning] = []

  /// Every RDMA device, in natural name order, read side by side (`Parallel.map`), then joined with its PCI
  /// function.
  mutating func read() -> [RDMAAdapter] {
    let (devices, root) = (RDMAReader.devices(root: root), root)
    let read = Parallel.map(devices.names) { RDMAReader.readDevice($0, in: devices.base, root: root) }
    warnings += read.flatMap(\.warnings)
    return read.compactMap(\.adapter).map { RDMAReader.joined($0, functions: functions) }
  }

  /// `sys/class/infiniband` under `root`, opened, and its entries in natural name order.
  static func devices(root: SystemRoot) -> (base: SysfsDirectory, names: [String]) {
    let base = SysfsDirectory(root.resolve("/sys/class/infiniband"))
    return (base, base.entries())
  }

  /// The device `name` of `base` without its PCI function's facts (`joined` adds them): it needs nothing else
  /// the probe reads, so it runs beside libpci's scan. nil when the entry is not a directory.
  static func readDevice(
    _ name: String, in base: SysfsDirectory, root: SystemRoot
  ) -> (adapter: RDMAAdapter?, warnings: [ProbeWarning]) {
    guard base.isDirectory(name) else { return (nil, []) }
    var reader = RDMAReader(root: root, functions: [:])
    let directory = SysfsDirectory(base.resolveLink(name) ?? base.path + "/" + name)
    return (reader.readAdapter(name, directory: directory), reader.warnings)
  }

  /// `adapter` with its PCI function's name, driver, NUMA node and VF flag; a VF keeps no MLNX_OFED settings
  /// (they live under a PF's device).
  static func joined(_ adapter: RDMAAdapter, functions: [PCIAddress: PCIFunction]) -> RDMAAdapter {
    guard let function = adapter.address.flatMap({ functions[$0] }) else { return adapter }
    var joined = adapter
    joined.deviceName = function.name
    joined.driver = function.driver
    joined.numaNode = function.numaNode
    joined.isVirtualFunction = function.isVirtualFunction
    if function.isVirtualFunction { joined.ofedVFs = [] }
    return joined
  }

  private mutating func readAdapter(_ name: String, directory: SysfsDirectory) -> RDMAAdapter {
    let address = directory.resolveLink("device").flatMap { PCIAddress(Path.basename($0)) }
    let ports = RDMAReader.numbered(first: 0, in: SysfsDirectory("ports", in: directory)).map { number, port in
      readPort(number, directory: port, device: name)
    }
    let nodeType = directory.text("node_type")
    return RDMAAdapter(
      name: name, address: address, deviceName: nil, driver: nil, numaNode: nil,
      nodeGUID: directory.text("node_guid"), systemImageGUID: directory.text("sys_image_guid"),
      firmware: directory.text("fw_ver"), hcaType: directory.text("hca_type"), boardID: directory.text("board_id"),
      nodeType: nodeType, isVirtualFunction: false,
      transport: RDMAReader.transport(nodeType: nodeType, linkLayers: ports.compactMap(\.linkLayer)),
      ports: ports, ofedVFs: readOFED(SysfsDirectory("device/sriov", in: directory)))
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

  /// Non-zero GIDs in index order. Real ports have 128–255 entries that are mostly zero, so reading stops after
  /// `gidZeroRun` zero entries in a row (RoCE tables fill from index 0). The kernel makes one file per table
  /// entry, `0` to the table's length - 1, so the entries are opened by index until one is missing: no listing
  /// of the directory. An entry that exists but cannot be read counts as zero.
  private func readGIDs(_ directory: SysfsDirectory) -> [Int: String] {
    guard directory.isOpen else { return [:] }
    var gids: [Int: String] = [:]
    var (index, zeros) = (0, 0)
    while zeros < RDMAReader.gidZeroRun {
      // nil: unreadable; .some(nil): a zero GID (no string made for it).
      let gid = directory.withAttribute(String(index)) { bytes -> String? in
        RDMAReader.isZeroGID(bytes) ? nil : String(decoding: bytes, as: UTF8.self)
      }
      if gid == nil && errno == ENOENT { break }
      if let gid = gid ?? nil {
        gids[index] = gid
        zeros = 0
      } else {
        zeros += 1
      }
      index += 1
    }
    return gids
  }

  /// Zero GIDs in a row after which the rest of a port's GID table is not read.
  static let gidZeroRun = 16

  /// True for `0000:0000:...` (an unset GID or GUID).
  static func isZeroGID(_ text: String) -> Bool { text.allSatisfy { $0 == "0" || $0 == ":" } }

  /// `isZeroGID` of the text `bytes` hold.
  static func isZeroGID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.allSatisfy { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: ":") }
  }

  private func readCounters(_ directory: SysfsDirectory) -> [String: UInt64] {
    var counters: [String: UInt64] = [:]
    for entry in directory.unsortedEntries() {
      if let value = directory.unsigned(entry) { counters[entry] = value }
    }
    return counters
  }

  private func readOFED(_ directory: SysfsDirectory) -> [OFEDVFSettings] {
    RDMAReader.numbered(first: 0, in: directory).map { index, vf in
      OFEDVFSettings(index: index, node: vf.text("node"), port: vf.text("port"), policy: vf.text("policy"))
    }
  }

  /// The numbered entries of `directory` (ports, OFED VF settings), opened by number instead of listing it: the
  /// kernel (and MLNX_OFED) number them without gaps, so after `first` (when it exists: a switch's port 0) they
  /// run from `first + 1` until one cannot be opened. An entry that is not a directory is kept (its reads are
  /// nil), as the listing kept it.
  static func numbered(first: Int, in directory: SysfsDirectory) -> [(number: Int, directory: SysfsDirectory)] {
    guard directory.isOpen else { return [] }
    var found: [(number: Int, directory: SysfsDirectory)] = []
    var number = first
    while true {
      let entry = SysfsDirectory(String(number), in: directory)
      if entry.isOpen || entry.openError == ENOTDIR {
        found.append((number, entry))
      } else if number > first {
        break
      }
      number += 1
    }
    return found
  }
}
