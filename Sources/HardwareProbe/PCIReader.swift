import HPCBasics

#if canImport(Glibc)
  import Glibc
#endif

/// Reads every PCI function under `<root>/sys/bus/pci/devices`: sysfs attributes, links, and config space through
/// libpci (falling back to reading `config` directly when libpci fails, with a warning).
struct PCIReader {
  /// The system root.
  let root: SystemRoot
  /// pci.ids to use instead of the system's, when given.
  let idsPath: String?
  /// Look up every function in pci.ids, not only the functions of interest.
  let allNames: Bool
  /// Problems found while reading.
  var warnings: [ProbeWarning] = []

  /// Reads all functions, sorted by address: libpci's scan, then `read(scan:)`.
  mutating func read() -> [PCIFunction] { read(scan: scan()) }

  /// libpci's one scan of the bus: config space of every function (kept with its warnings for `read(scan:)`).
  func scan() -> PCIScan {
    var reader = self
    var configs: [PCIAddress: [UInt8]] = [:]
    let libpci = reader.openLibPCI(configs: &configs)
    return PCIScan(libpci: libpci, configs: configs, warnings: reader.warnings)
  }

  /// Reads all functions with `scan`'s config space, sorted by address: the functions side by side
  /// (`Parallel.map`), then their names from libpci one after the other (its name cache is not thread-safe).
  mutating func read(scan: PCIScan) -> [PCIFunction] {
    warnings += scan.warnings
    let devices = SysfsDirectory(root.resolve("/sys/bus/pci/devices"))
    let (blank, scanned) = (PCIReader(root: root, idsPath: idsPath, allNames: allNames), scan.configs)
    let read = Parallel.map(devices.entries()) { name -> (function: PCIFunction?, warnings: [ProbeWarning]) in
      var reader = blank
      return (reader.readFunction(name, in: devices, configs: scanned), reader.warnings)
    }
    warnings += read.flatMap(\.warnings)
    let functions = read.compactMap(\.function).map { named($0, libpci: scan.libpci) }
    noteTruncatedConfig(functions)
    return functions
  }

  /// The function `name` of `devices` (config space from libpci's scan when it has it, else from sysfs).
  private mutating func readFunction(
    _ name: String, in devices: SysfsDirectory, configs: [PCIAddress: [UInt8]]
  ) -> PCIFunction? {
    guard let address = PCIAddress(name) else {
      warnings.append(ProbeWarning(devices.path + "/" + name, "not a PCI address; skipped"))
      return nil
    }
    let directory = SysfsDirectory(devices.resolveLink(name) ?? devices.path + "/" + name)
    let config = configs[address] ?? FileSystem.readBytes(directory.path + "/config") ?? []
    return readFunction(address, directory: directory, config: ConfigSpace(config))
  }

  private mutating func openLibPCI(configs: inout [PCIAddress: [UInt8]]) -> LibPCI? {
    do {
      let libpci = try LibPCI(sysfsPath: root.resolve("/sys/bus/pci"), idsPath: idsPath)
      for scanned in try libpci.scan() where !scanned.config.isEmpty { configs[scanned.address] = scanned.config }
      let messages = libpci.takeWarnings()
      if let first = messages.first {
        let more = messages.count > 1 ? " (and \(messages.count - 1) more)" : ""
        warnings.append(ProbeWarning("libpci", first + more))
      }
      return libpci
    } catch {
      let message = if case .libpci(let text) = error { text } else { error.description }
      warnings.append(ProbeWarning("libpci", "\(message); config space read from sysfs directly"))
      return nil
    }
  }

  private mutating func readFunction(
    _ address: PCIAddress, directory: SysfsDirectory, config: ConfigSpace
  ) -> PCIFunction? {
    // Config space first (libpci already read it): a VF's reads 0xffff, and then sysfs has the ids.
    let fromConfig = config.vendorID != nil && config.deviceID != nil && config.bytes.count >= 64
    let vendor = fromConfig ? config.vendorID : directory.hexValue("vendor").flatMap { UInt16(exactly: $0) }
    let device = fromConfig ? config.deviceID : directory.hexValue("device").flatMap { UInt16(exactly: $0) }
    guard let vendor, let device else {
      warnings.append(ProbeWarning(address.description, "vendor/device ids unreadable in sysfs and config space"))
      return nil
    }
    let classCode =
      (fromConfig ? configClass(config) : nil) ?? directory.hexValue("class").flatMap { UInt32(exactly: $0) }
    var function = PCIFunction(
      address: address, vendorID: vendor, deviceID: device,
      subsystemVendorID: directory.hexValue("subsystem_vendor").flatMap { UInt16(exactly: $0) },
      subsystemDeviceID: directory.hexValue("subsystem_device").flatMap { UInt16(exactly: $0) },
      classCode: classCode ?? 0,
      revision: fromConfig ? config.byte(0x08) : directory.hexValue("revision").flatMap { UInt8(exactly: $0) },
      driver: directory.linkName("driver"), numaNode: numaNode(directory, address),
      localCPUs: directory.text("local_cpulist"), iommuGroup: directory.linkName("iommu_group").flatMap { Int($0) },
      configBytes: config.bytes.count, path: [], virtualFunctions: [])
    readLinks(&function, directory: directory)
    readCapabilities(&function, directory: directory, config: config)
    readTopology(&function, directory: directory, config: config)
    return function
  }

  private func configClass(_ config: ConfigSpace) -> UInt32? {
    guard let low = config.word(0x08), let high = config.word(0x0a) else { return nil }
    return UInt32(high) << 8 | UInt32(low >> 8)
  }

  private mutating func numaNode(_ directory: SysfsDirectory, _ address: PCIAddress) -> Int? {
    guard let text = directory.text("numa_node") else { return nil }
    guard let value = Int(text), value >= -1 else {
      warnings.append(ProbeWarning(address.description, "numa_node is '\(text)', expected a number"))
      return nil
    }
    return value < 0 ? nil : value
  }

  private func readLinks(_ function: inout PCIFunction, directory: SysfsDirectory) {
    let current = PCILink(
      speed: directory.text("current_link_speed").flatMap(PCILink.parseSpeed),
      width: directory.text("current_link_width").flatMap(PCILink.parseWidth))
    let maximum = PCILink(
      speed: directory.text("max_link_speed").flatMap(PCILink.parseSpeed),
      width: directory.text("max_link_width").flatMap(PCILink.parseWidth))
    function.currentLink = current.speed == nil && current.width == nil ? nil : current
    function.maximumLink = maximum.speed == nil && maximum.width == nil ? nil : maximum
  }

  private func readCapabilities(_ function: inout PCIFunction, directory: SysfsDirectory, config: ConfigSpace) {
    function.express = config.express
    function.sriov = config.sriov
    function.acs = config.acs
    function.aer = config.aer
    // With the full config space, the kernel's files exist only where the capabilities do.
    let complete = config.bytes.count >= 4096
    if !complete || function.sriov != nil {
      function.sriovTotalVFs = directory.integer("sriov_totalvfs")
      function.sriovNumVFs = directory.integer("sriov_numvfs")
    }
    if !complete || function.aer != nil { function.aerCounters = AERCountersReader.read(directory) }
  }

  private func readTopology(_ function: inout PCIFunction, directory: SysfsDirectory, config: ConfigSpace) {
    let tail = Sysfs.suffix(of: directory.path, afterLast: "/sys/devices/") ?? ""
    let components = tail.split(separator: "/")
    if let host = components.firstIndex(where: { $0.hasPrefix("pci") && $0.contains(":") }) {
      function.hostBridge = String(components[host])
      function.path = components[(host + 1)...].compactMap { PCIAddress($0) }.filter { $0 != function.address }
    }
    function.physicalFunction = directory.resolveLink("physfn").flatMap { PCIAddress(Path.basename($0)) }
    // With the full config space, the kernel makes `virtfnN` links only where the SR-IOV capability is, numbered
    // from 0 without gaps: they are read by number until one is missing, without listing the directory.
    // (At most 65,535: the capability's TotalVFs is 16 bits.)
    guard directory.isOpen, config.bytes.count < 4096 || function.sriov != nil else { return }
    for index in 0..<65_535 {
      let link = directory.resolveLink("virtfn" + String(index))
      if link == nil && errno == ENOENT { break }
      if let address = link.flatMap({ PCIAddress(Path.basename($0)) }) { function.virtualFunctions.append(address) }
    }
  }

  private func named(_ function: PCIFunction, libpci: LibPCI?) -> PCIFunction {
    var result = function
    let fallback = allNames || PCIReader.isOfInterest(function) ? libpci : nil
    result.name =
      DeviceNames.name(vendor: function.vendorID, device: function.deviceID)
      ?? fallback?.deviceName(vendor: function.vendorID, device: function.deviceID)
    result.vendorName = DeviceNames.vendors[function.vendorID] ?? fallback?.vendorName(function.vendorID)
    return result
  }

  /// Functions whose names the probe always resolves: display (03), network (02) and processing-accelerator (12)
  /// classes, and virtual functions.
  static func isOfInterest(_ function: PCIFunction) -> Bool {
    [0x02, 0x03, 0x12].contains(function.classID >> 8) || function.isVirtualFunction
  }

  private mutating func noteTruncatedConfig(_ functions: [PCIFunction]) {
    let short = functions.filter { $0.configBytes == 64 || ($0.express != nil && (1..<4096).contains($0.configBytes)) }
    guard !short.isEmpty else { return }
    warnings.append(
      ProbeWarning(
        "config space",
        "only \(short.first!.configBytes) bytes readable for \(short.count) function(s), expected 4096 "
          + "(run as root to see SR-IOV, ACS and AER capabilities)"))
  }
}

/// Reads the `aer_dev_*` files (`RxErr 0` lines).
enum AERCountersReader {
  /// The counters under `directory`, or nil when none of the files exists.
  static func read(_ directory: SysfsDirectory) -> AERCounters? {
    let files = ["aer_dev_correctable", "aer_dev_fatal", "aer_dev_nonfatal"].map { directory.text($0) }
    guard files.contains(where: { $0 != nil }) else { return nil }
    let tables = files.map { parse($0 ?? "") }
    return AERCounters(correctable: tables[0], fatal: tables[1], nonfatal: tables[2])
  }

  /// Parses `Name value` lines; malformed lines are skipped.
  static func parse(_ text: String) -> [String: UInt64] {
    var table: [String: UInt64] = [:]
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      if fields.count == 2, let value = UInt64(fields[1]) { table[String(fields[0])] = value }
    }
    return table
  }
}
