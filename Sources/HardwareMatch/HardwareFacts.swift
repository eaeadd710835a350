import HardwareProbe

/// One observed value of a fact: text, number, flag or a set (CPU flags).
enum FactValue: Sendable, Hashable {
  case text(String)
  case number(Double)
  case flag(Bool)
  case set([String])
  /// A path class, ordered PIX < PXB < PHB < NODE < SYS.
  case path(PathClass)

  /// How it prints in "found:" lists.
  var display: String {
    switch self {
    case .text(let text): text
    case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    case .flag(let value): String(value)
    case .set(let items): items.joined(separator: " ")
    case .path(let path): path.rawValue
    }
  }
}

/// What a key refers to: values from one or many candidates (GPUs, functions, ports...).
struct Fact {
  /// One value per candidate (one for host-wide facts).
  var values: [(label: String, value: FactValue)]
  /// What a candidate is called in messages (`GPU`, `PCI device`).
  var noun: String
  /// True when every candidate must satisfy the constraint (host-wide facts and hpctest's per-GPU keys).
  var every: Bool

  /// `no GPU matches` or `not every GPU matches`.
  func failureVerb(negative: Bool) -> String {
    if values.count == 1 && !values[0].label.isEmpty && every { return "does not hold" }
    if values.count == 1 && values[0].label.isEmpty { return "does not hold" }
    return every || negative ? "not every \(noun) matches" : "no \(noun) matches"
  }

  /// `NVIDIA A30 ×4`, `GPU3 (PHB)`, or a single value.
  func describeFound() -> String {
    var order: [String] = []
    var counts: [String: Int] = [:]
    for (label, value) in values {
      let text = label.isEmpty || !every ? value.display : "\(label) \(value.display)"
      if counts[text] == nil { order.append(text) }
      counts[text, default: 0] += 1
    }
    return order.map { counts[$0]! > 1 ? "\($0) ×\(counts[$0]!)" : $0 }.joined(separator: ", ")
  }
}

/// Maps requirement keys to inventory facts.
struct HardwareFacts {
  let inventory: Inventory

  init(_ inventory: Inventory) { self.inventory = inventory }

  /// The fact behind `name`, or nil for keys hpctest cannot check.
  func fact(for name: String) -> Fact? {
    if name.hasPrefix("gpu.") { return gpuFact(String(name.dropFirst(4))) }
    if name.hasPrefix("device.") {
      return deviceFact(String(name.dropFirst(7)), functions: inventory.functions, noun: "PCI device")
    }
    if name.hasPrefix("network") { return networkFact(name) }
    if name.hasPrefix("cpu.") { return cpuFact(String(name.dropFirst(4))) }
    if name.hasPrefix("hpctest.") { return extensionFact(String(name.dropFirst(8))) }
    return hostFact(name)
  }

  private func gpuFact(_ key: String) -> Fact? {
    let values: [(String, FactValue)]? =
      switch key {
      case "device-name": inventory.gpus.map { ("GPU\($0.index)", .text($0.name)) }
      case "device": inventory.gpus.map { ("GPU\($0.index)", .number(Double($0.deviceID))) }
      case "vendor": inventory.gpus.map { ("GPU\($0.index)", .number($0.vendor == .nvidia ? 0x10de : 0x8086)) }
      case "vendor-name": inventory.gpus.map { ("GPU\($0.index)", .text($0.vendor == .nvidia ? "NVIDIA" : "Intel")) }
      case "driver": inventory.gpus.map { ("GPU\($0.index)", .text($0.driver ?? "")) }
      default: nil
      }
    return values.map { Fact(values: $0, noun: "GPU", every: false) }
  }

  func deviceFact(_ key: String, functions: [PCIFunction], noun: String) -> Fact? {
    let values: [(String, FactValue)]? =
      switch key {
      case "device-name": functions.map { ($0.address.description, .text($0.name ?? "")) }
      case "device": functions.map { ($0.address.description, .number(Double($0.deviceID))) }
      case "vendor": functions.map { ($0.address.description, .number(Double($0.vendorID))) }
      case "vendor-name": functions.map { ($0.address.description, .text($0.vendorName ?? "")) }
      case "driver": functions.map { ($0.address.description, .text($0.driver ?? "")) }
      case "type" where noun == "network device": functions.map { ($0.address.description, .text(networkType($0))) }
      default: nil
      }
    return values.map { Fact(values: $0, noun: noun, every: false) }
  }

  /// `network[0].vendor-name` or `network.type`: the key after the last dot, over network-class functions.
  private func networkFact(_ name: String) -> Fact? {
    guard let dot = name.lastIndex(of: ".") else { return nil }
    let functions = inventory.functions.filter { $0.classID >> 8 == 0x02 }
    return deviceFact(String(name[name.index(after: dot)...]), functions: functions, noun: "network device")
  }

  /// tmt's network `type`: `eth` for Ethernet controllers, `infiniband` for InfiniBand controllers.
  func networkType(_ function: PCIFunction) -> String {
    switch function.classID {
    case 0x0200: "eth"
    case 0x0207: "infiniband"
    default: "other"
    }
  }

  private func cpuFact(_ key: String) -> Fact? {
    let cpu = inventory.host.cpu
    let value: FactValue? =
      switch key {
      case "processors", "threads": .number(Double(cpu.processors))
      case "cores": .number(Double(cpu.cores))
      case "sockets": .number(Double(cpu.sockets))
      case "threads-per-core": .number(Double(cpu.threadsPerCore))
      case "model-name": .text(cpu.modelName ?? "")
      case "model": cpu.model.map { .number(Double($0)) }
      case "family": cpu.family.map { .number(Double($0)) }
      case "stepping": cpu.stepping.map { .number(Double($0)) }
      case "vendor-name", "vendor": .text(cpu.vendor ?? "")
      case "flag": .set(cpu.flags)
      case "hyper-threading": .flag(cpu.threadsPerCore > 1)
      default: nil
      }
    return value.map { Fact(values: [("", $0)], noun: "CPU", every: true) }
  }

  private func hostFact(_ name: String) -> Fact? {
    let value: FactValue? =
      switch name {
      case "memory": inventory.host.memoryBytes.map { .number(Double($0)) }
      case "arch": inventory.host.arch.map { .text($0) }
      case "system.numa-nodes": .number(Double(inventory.host.numaNodes.count))
      default: nil
      }
    return value.map { Fact(values: [("", $0)], noun: name, every: true) }
  }
}
