import HardwareMatch
import HardwareProbe
import TMTModel
import Testing

/// A leaf constraint built in code (what TMTModel's parser produces).
func leaf(_ name: String, _ op: HardwareOperator, _ raw: String, _ value: HardwareValue? = nil) -> HardwareRequirement {
  .constraint(HardwareConstraint(name: name, op: op, raw: raw, value: value ?? .text(raw)))
}

@Suite struct HardwareMatchTests {
  let a30: Inventory
  let faulty: Inventory
  let intel: Inventory

  init() throws {
    a30 = try Fixtures.probe("a30-cx6-aarch64")
    faulty = try Fixtures.probe("a30-cx6-aarch64-faulty")
    intel = try Fixtures.probe("intel-max1550-x86_64")
  }

  @Test func unmetGPUNameListsWhatWasFound() {
    let match = HardwareMatcher.evaluate(leaf("gpu.device-name", .match, "H200"), against: a30)
    #expect(!match.satisfied)
    #expect(match.unmet == ["gpu.device-name ~ H200: no GPU matches (found: NVIDIA A30 ×4)"])
  }

  @Test(arguments: [
    ("gpu.device-name", HardwareOperator.match, "NVIDIA A", HardwareValue?.none, true),
    ("gpu.device-name", .match, "A30", nil, false),  // tmt's `~` is re.match: anchored at the start
    ("gpu.vendor-name", .equal, "NVIDIA", nil, true),
    ("gpu.vendor", .equal, "0x10de", nil, true),
    ("gpu.device", .equal, "0x20b7", nil, true),
    ("gpu.driver", .equal, "nvidia", nil, true),
    ("gpu.vendor-name", .notEqual, "NVIDIA", nil, false),
    ("device.device-name", .match, "ConnectX-6", nil, true),
    ("device.vendor", .equal, "0x15b3", nil, true),
    ("network[0].type", .equal, "infiniband", nil, true),
    ("network[0].type", .equal, "eth", nil, false),
    ("network[0].driver", .equal, "mlx5_core", nil, true),
    ("cpu.processors", .greaterOrEqual, "16", .integer(16), true),
    ("cpu.cores", .greater, "16", .integer(16), false),
    ("cpu.model-name", .match, "Neoverse", nil, true),
    ("cpu.flag", .contains, "asimd", nil, true),
    ("cpu.flag", .notContains, "avx2", nil, true),
    ("cpu.hyper-threading", .equal, "false", .flag(false), true),
    ("memory", .greaterOrEqual, "512 GB", .size(bytes: 512e9), true),
    ("memory", .greaterOrEqual, "1 TB", .size(bytes: 1e12), false),
    ("memory", .less, "600 GiB", nil, true),
    ("arch", .equal, "aarch64", nil, true),
    ("arch", .equal, "x86_64", nil, false),
    ("system.numa-nodes", .equal, "2", .integer(2), true),
    ("hpctest.gpu.count", .greaterOrEqual, "4", .integer(4), true),
    ("hpctest.gpu.count", .equal, "8", .integer(8), false),
    ("hpctest.gpu.link-width", .greaterOrEqual, "16", .integer(16), true),
    ("hpctest.gpu.pcie-generation", .greaterOrEqual, "4", .integer(4), true),
    ("hpctest.sriov.vfs", .greaterOrEqual, "8", .integer(8), true),
    ("hpctest.sriov.total-vfs", .equal, "16", .integer(16), true),
    ("hpctest.infiniband.rate", .greaterOrEqual, "10", .integer(10), true),
    ("hpctest.infiniband.rate", .greaterOrEqual, "200", .integer(200), false),  // every port: mlx5_1 is down
    ("hpctest.infiniband.state", .equal, "ACTIVE", nil, false),
    ("hpctest.infiniband.link-layer", .equal, "InfiniBand", nil, true),
    ("hpctest.infiniband.ports", .equal, "2", .integer(2), true),
    ("hpctest.pcie.min-width", .greaterOrEqual, "16", .integer(16), true),
    ("hpctest.pcie.min-speed", .greaterOrEqual, "16 GT/s", .number(16), true),
    ("hpctest.infiniband.count", .equal, "2", .integer(2), true),
    ("hpctest.infiniband.active-ports", .greaterOrEqual, "2", .integer(2), false),
    ("hpctest.topology.gpu-adapter", .lessOrEqual, "PHB", nil, false),  // GPU3 is SYS to every adapter
    ("hpctest.topology.gpu-adapter", .lessOrEqual, "SYS", nil, true),
    ("hpctest.gpu.numa-local-adapter", .equal, "true", .flag(true), false),
  ])
  func evaluatesA30Keys(name: String, op: HardwareOperator, raw: String, value: HardwareValue?, expected: Bool) {
    let match = HardwareMatcher.evaluate(leaf(name, op, raw, value), against: a30)
    #expect(match.satisfied == expected, "\(match.unmet)")
    #expect(match.unmet.isEmpty == expected)
  }

  @Test func faultyLinkIsNamedPerGPU() {
    let match = HardwareMatcher.evaluate(
      leaf("hpctest.gpu.link-width", .greaterOrEqual, "16", .integer(16)), against: faulty)
    #expect(
      match.unmet == ["hpctest.gpu.link-width >= 16: not every GPU matches (found: GPU0 16, GPU1 8, GPU2 16, GPU3 16)"])
  }

  @Test func unavailableExtensionKeysSayWhy() {
    let match = HardwareMatcher.evaluate(leaf("hpctest.gpu.memory", .greaterOrEqual, "80 GiB"), against: a30)
    #expect(match.unmet.first?.hasPrefix("hpctest.gpu.memory >= 80 GiB: cannot be checked: GPU memory") == true)
    let width = HardwareMatcher.evaluate(
      leaf("hpctest.pcie.min-width", .greaterOrEqual, "16", .integer(16)), against: faulty)
    #expect(width.unmet == ["hpctest.pcie.min-width >= 16: does not hold (found: 8)"])
  }

  @Test func intelEffectiveLinkCounts() {
    let generation = leaf("hpctest.gpu.pcie-generation", .greaterOrEqual, "5", .integer(5))
    #expect(HardwareMatcher.evaluate(generation, against: intel).satisfied)
    #expect(HardwareMatcher.evaluate(leaf("gpu.vendor-name", .equal, "Intel"), against: intel).satisfied)
    #expect(HardwareMatcher.evaluate(leaf("network[0].type", .equal, "eth"), against: intel).satisfied)
  }

  @Test func andOrBlocks() {
    let wantsH200 = leaf("gpu.device-name", .match, "NVIDIA H200")
    let wantsA30 = leaf("gpu.device-name", .match, "NVIDIA A30")
    let arch = leaf("arch", .equal, "x86_64")
    #expect(HardwareMatcher.evaluate(.or([wantsH200, wantsA30]), against: a30).satisfied)
    let both = HardwareMatcher.evaluate(.and([wantsA30, arch, wantsH200]), against: a30)
    #expect(!both.satisfied)
    #expect(both.unmet.count == 2)
    #expect(both.unmet[0] == "arch == x86_64: does not hold (found: aarch64)")
    let neither = HardwareMatcher.evaluate(.or([wantsH200, arch]), against: a30)
    #expect(neither.unmet.count == 1 && neither.unmet[0].hasPrefix("none of the alternatives holds: "))
    #expect(HardwareMatcher.evaluate(.and([]), against: a30).satisfied)
  }

  @Test func unsupportedKeysAndMissingDevicesAreReported() throws {
    let tpm = HardwareMatcher.evaluate(leaf("tpm.version", .equal, "2.0"), against: a30)
    #expect(
      tpm.unmet == ["tpm.version == 2.0: key not supported by hpctest's probe, cannot be checked on this machine"])
    let h200 = try Fixtures.probe("h200-x86_64")
    let ib = HardwareMatcher.evaluate(
      leaf("hpctest.infiniband.rate", .greaterOrEqual, "200", .integer(200)), against: h200)
    #expect(ib.unmet == ["hpctest.infiniband.rate >= 200: no RDMA port found"])
    #expect(HardwareMatcher.evaluate(leaf("gpu.vendor-name", .notEqual, "AMD"), against: h200).satisfied)
    let regex = HardwareMatcher.evaluate(leaf("gpu.device-name", .match, "(unclosed"), against: h200)
    #expect(!regex.satisfied)
  }
}
