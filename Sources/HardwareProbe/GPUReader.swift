import HPCBasics

/// Finds GPUs among the PCI functions and reads vendor extras.
struct GPUReader {
  /// The system root.
  let root: SystemRoot
  /// All PCI functions, by address.
  let functions: [PCIAddress: PCIFunction]
  /// Problems found.
  var warnings: [ProbeWarning] = []

  /// The GPU vendor of `function`: NVIDIA class 03xx, or an Intel display controller (0300/0302/0380) that is a
  /// known data-center GPU or sits behind a bridge (integrated graphics sit on the root bus).
  static func vendor(of function: PCIFunction) -> GPUVendor? {
    let displayClass = function.classID >> 8 == 0x03
    if function.vendorID == 0x10de && displayClass && !function.isVirtualFunction { return .nvidia }
    guard function.vendorID == 0x8086, [0x0300, 0x0302, 0x0380].contains(function.classID) else { return nil }
    let known = DeviceNames.name(vendor: 0x8086, device: function.deviceID) != nil
    return known || !function.path.isEmpty ? .intel : nil
  }

  /// GPUs in address order.
  mutating func read() -> [GPU] {
    let cards = IntelDRMReader.cards(root: root)
    let sorted = functions.values.sorted { $0.address < $1.address }
    var gpus: [GPU] = []
    for function in sorted {
      guard let vendor = GPUReader.vendor(of: function) else { continue }
      var gpu = makeGPU(function, vendor: vendor, index: gpus.count)
      if vendor == .nvidia { gpu.nvidia = readNVIDIA(function.address) }
      if vendor == .intel, let card = cards[function.address] {
        gpu.intel = IntelDRMReader.read(card: card, root: root)
      }
      if let model = gpu.nvidia?.model, !model.isEmpty { gpu.name = model }
      gpus.append(gpu)
    }
    return gpus
  }

  private func makeGPU(_ function: PCIFunction, vendor: GPUVendor, index: Int) -> GPU {
    let upstream = vendor == .intel ? cardUpstreamPort(function) : nil
    let port = upstream.flatMap { functions[$0] }
    return GPU(
      index: index, address: function.address, vendor: vendor, deviceID: function.deviceID,
      name: function.name ?? "\(vendor == .nvidia ? "NVIDIA" : "Intel") device \(function.ids)",
      driver: function.driver, numaNode: function.numaNode, link: function.link,
      linkCapability: function.linkCapability, upstreamPort: upstream, effectiveLink: port?.link ?? function.link,
      effectiveLinkCapability: port?.linkCapability ?? function.linkCapability)
  }

  /// The topmost of the consecutive Intel bridges above `function`: the on-card switch's upstream port.
  func cardUpstreamPort(_ function: PCIFunction) -> PCIAddress? {
    var found: PCIAddress?
    for address in function.path.reversed() {
      guard let bridge = functions[address], bridge.vendorID == 0x8086, bridge.isBridge,
        bridge.express?.portType != 4
      else { break }
      found = address
    }
    return found
  }

  private mutating func readNVIDIA(_ address: PCIAddress) -> NVIDIAGPUInfo? {
    let path = root.resolve("/proc/driver/nvidia/gpus/\(address)/information")
    guard let text = Sysfs.text(path) else { return nil }
    let fields = NVIDIAInformation.parse(text)
    if fields.isEmpty { warnings.append(ProbeWarning(path, "no 'Key: value' lines")) }
    return NVIDIAGPUInfo(
      model: fields["Model"], uuid: fields["GPU UUID"], videoBIOS: fields["Video BIOS"],
      minor: fields["Device Minor"].flatMap { Int($0) }, firmware: fields["GPU Firmware"],
      excluded: fields["GPU Excluded"] == "Yes", busLocation: fields["Bus Location"])
  }
}

/// Parses the NVIDIA driver's `information` file (`Model: \t\t NVIDIA H200`).
enum NVIDIAInformation {
  /// Key → trimmed value; lines without a colon are skipped.
  static func parse(_ text: String) -> [String: String] {
    var fields: [String: String] = [:]
    for line in text.split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon].trimmingCharacters(in: " \t")
      let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
      if !key.isEmpty { fields[key] = value }
    }
    return fields
  }

  /// The version from `/proc/driver/nvidia/version` (`NVRM version: ... Kernel Module for x86_64  580.159.04 ...`).
  static func driverVersion(procVersion text: String) -> String? {
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("NVRM version:") }) else { return nil }
    return line.split(separator: " ").first { word in
      word.split(separator: ".").count >= 2 && word.allSatisfy { $0.isNumber || $0 == "." }
    }.map(String.init)
  }
}

extension Substring {
  /// The text without leading and trailing characters from `set`.
  func trimmingCharacters(in set: String) -> String {
    var slice = self
    while let first = slice.first, set.contains(first) { slice.removeFirst() }
    while let last = slice.last, set.contains(last) { slice.removeLast() }
    return String(slice)
  }
}
