/// Gathers `PCIDeviceFacts` for every function under `/sys/bus/pci/devices`.
package enum PCIScan {
  /// Every PCI function, sorted by address.
  package static func devices(_ reader: SysfsReader) -> [PCIDeviceFacts] {
    reader.list("/sys/bus/pci/devices").compactMap { device($0, reader) }.sorted { $0.address < $1.address }
  }

  /// The facts of the function at `address`, nil when it is absent.
  package static func device(_ address: String, _ reader: SysfsReader) -> PCIDeviceFacts? {
    let dir = reader.devicePath(address)
    let canonical = reader.link("/sys/bus/pci/devices/" + address) ?? dir
    guard let vendor = reader.attribute(dir + "/vendor")?.integerValue,
      let device = reader.attribute(dir + "/device")?.integerValue
    else { return nil }
    let (hostBridge, ancestors) = placement(canonical, address: address)
    var facts = PCIDeviceFacts(
      address: address, vendor: UInt16(truncatingIfNeeded: vendor), device: UInt16(truncatingIfNeeded: device),
      classCode: UInt32(truncatingIfNeeded: reader.attribute(dir + "/class")?.integerValue ?? 0),
      driver: reader.linkName(dir + "/driver"), numaNode: numa(reader.attribute(dir + "/numa_node")),
      link: link(address, dir, reader), ancestors: ancestors, hostBridge: hostBridge,
      iommuGroup: reader.linkName(dir + "/iommu_group"))
    facts.physicalFunction = reader.linkName(dir + "/physfn")
    facts.virtualFunctions = virtualFunctions(dir, reader)
    facts.sriovNumVFs = reader.attribute(dir + "/sriov_numvfs").flatMap { Int($0) }
    facts.sriovTotalVFs = reader.attribute(dir + "/sriov_totalvfs").flatMap { Int($0) }
    facts.aer = aer(dir, reader)
    facts.acsControl = reader.bytes(dir + "/config").flatMap(PCIConfigSpace.acsControl)
    return facts
  }

  /// The link attributes of the function in `dir`.
  package static func link(_ address: String, _ dir: String, _ reader: SysfsReader) -> LinkFacts {
    LinkFacts(
      address: address, currentSpeed: LinkFacts.parseSpeed(reader.attribute(dir + "/current_link_speed")),
      currentWidth: reader.attribute(dir + "/current_link_width").flatMap { Int($0) },
      maxSpeed: LinkFacts.parseSpeed(reader.attribute(dir + "/max_link_speed")),
      maxWidth: reader.attribute(dir + "/max_link_width").flatMap { Int($0) })
  }

  /// The host bridge (`pci0000:00`) and the bridge addresses between it and the device.
  static func placement(_ canonical: String, address: String) -> (String, [String]) {
    let parts = canonical.split(separator: "/").map(String.init)
    guard let start = parts.firstIndex(where: { $0.hasPrefix("pci") && $0.contains(":") }) else {
      return ("", [])
    }
    let below = parts[(start + 1)...].filter { isAddress($0) && $0 != address }
    return (parts[start], Array(below))
  }

  /// True for `0000:3b:00.0`-shaped names.
  package static func isAddress(_ text: String) -> Bool {
    let pieces = text.split(separator: ":")
    return pieces.count == 3 && pieces[2].contains(".")
  }

  static func numa(_ text: String?) -> Int? {
    guard let text, let value = Int(text), value >= 0 else { return nil }
    return value
  }

  static func virtualFunctions(_ dir: String, _ reader: SysfsReader) -> [String] {
    let links = reader.list(dir).filter { $0.hasPrefix("virtfn") }
    let ordered = links.sorted { (Int($0.dropFirst(6)) ?? 0) < (Int($1.dropFirst(6)) ?? 0) }
    return ordered.compactMap { reader.linkName(dir + "/" + $0) }
  }

  static func aer(_ dir: String, _ reader: SysfsReader) -> AERCounts? {
    func total(_ file: String, _ key: String) -> Int? {
      guard let text = reader.attribute(dir + "/" + file) else { return nil }
      let line = text.lines.first { $0.hasPrefix(key) }
      return line.flatMap { $0.words.last }.flatMap { Int($0) }
    }
    guard let correctable = total("aer_dev_correctable", "TOTAL_ERR_COR") else { return nil }
    return AERCounts(
      correctable: correctable, nonFatal: total("aer_dev_nonfatal", "TOTAL_ERR_NONFATAL") ?? 0,
      fatal: total("aer_dev_fatal", "TOTAL_ERR_FATAL") ?? 0)
  }
}
