/// GPU checks that read sysfs only.
enum GPUChecks {
  static let all = [inventory, driver, pcieLink, aer]

  static let inventory = CheckDefinition(
    "gpu.inventory", "GPU count (per model) against the expected inventory", needs: "sysfs",
    keys: ["gpus", "gpu-model"]
  ) { context in
    let facts = NodeFacts(context)
    let devices = facts.gpus.map {
      InventoryJudge.Device(address: $0.address, pciID: $0.pciID, model: $0.model?.name)
    }
    let expectations = context.expectations
    let items = InventoryJudge.judge(
      devices, kind: "GPU", expectedCount: expectations.int("gpus"), expectedModel: expectations.string("gpu-model"))
    return CheckResult(check: "gpu.inventory", items: items)
  }

  static let driver = CheckDefinition(
    "gpu.driver", "each GPU bound to its vendor driver and registered by it", needs: "sysfs, /proc/driver/nvidia",
    keys: ["gpu-driver"]
  ) { context in
    let facts = NodeFacts(context)
    guard !facts.gpus.isEmpty else { return .skip("gpu.driver", "no GPU found") }
    let items = facts.gpus.map { gpu in
      let allowed = context.expectations.list("gpu-driver").nonEmpty ?? defaultDrivers(gpu.vendor)
      let registered = registration(gpu, facts.reader)
      return DriverJudge.judge(
        DriverJudge.Facts(address: gpu.address, driver: gpu.driver, registered: registered), allowed: allowed)
    }
    return CheckResult(check: "gpu.driver", items: items)
  }

  static func defaultDrivers(_ vendor: UInt16) -> [String] {
    switch vendor {
    case 0x10de: ["nvidia"]
    case 0x8086: ["i915", "xe"]
    default: ["amdgpu"]
    }
  }

  /// NVIDIA: listed under /proc/driver/nvidia/gpus; Intel: has a DRM card; nil when the driver is another one.
  static func registration(_ gpu: PCIDeviceFacts, _ reader: SysfsReader) -> Bool? {
    switch gpu.driver {
    case "nvidia": return reader.exists("/proc/driver/nvidia/gpus/\(gpu.address)")
    case "i915", "xe":
      return reader.list(reader.devicePath(gpu.address) + "/drm").contains { $0.hasPrefix("card") }
    default: return nil
    }
  }

  static let pcieLink = CheckDefinition(
    "gpu.pcie-link", "GPU PCIe link speed and width against the expected and maximum (Intel: the upstream port)",
    needs: "sysfs", keys: ["pcie-gen", "pcie-width"]
  ) { context in
    let facts = NodeFacts(context)
    guard !facts.gpus.isEmpty else { return .skip("gpu.pcie-link", "no GPU found") }
    let items = facts.gpus.map { gpu in
      let (link, label) = facts.cardLink(gpu)
      return PCILinkJudge.judge(link, expected: expected(gpu, context), device: gpu.address, label: label)
    }
    return CheckResult(check: "gpu.pcie-link", items: items)
  }

  /// Flags/env/site first, then the model's defaults; NVIDIA GPUs may downshift when idle.
  static func expected(_ device: PCIDeviceFacts, _ context: CheckContext) -> PCILinkJudge.Expected {
    let model = device.model
    let idle = device.vendor == 0x10de && context.expectations.bool("pcie-strict-speed") != true
    return PCILinkJudge.Expected(
      generation: context.expectations.int("pcie-gen") ?? model?.pcieGen.nonZero,
      width: context.expectations.int("pcie-width") ?? model?.pcieWidth.nonZero, idleDownshift: idle)
  }

  static let aer = CheckDefinition(
    "gpu.aer", "PCIe AER counters of the GPUs: no fatal/non-fatal errors, few correctable", needs: "sysfs",
    keys: ["aer-correctable-max"]
  ) { context in
    let facts = NodeFacts(context)
    guard !facts.gpus.isEmpty else { return .skip("gpu.aer", "no GPU found") }
    let maximum = context.expectations.int("aer-correctable-max") ?? 0
    let items = facts.gpus.map { AERJudge.judge(address: $0.address, $0.aer, correctableMax: maximum) }
    return CheckResult(check: "gpu.aer", items: items)
  }
}

extension Array {
  /// The array, or nil when empty.
  var nonEmpty: [Element]? { isEmpty ? nil : self }
}

extension Int {
  /// The value, or nil when zero.
  var nonZero: Int? { self == 0 ? nil : self }
}
