import Testing

@testable import HardwareProbe

@Suite struct GPUClassifierTests {
  @Test(arguments: [
    (UInt16(0x10de), UInt16(0x2335), UInt32(0x030200), [String](), GPUVendor?.some(.nvidia)),
    (0x10de, 0x2684, 0x030000, [], .nvidia),
    (0x10de, 0x22a3, 0x068000, [], nil),  // NVSwitch bridge
    (0x10de, 0x228b, 0x040300, [], nil),  // GPU audio function
    (0x8086, 0x0bd5, 0x038000, ["0000:00:02.0"], .intel),
    (0x8086, 0x56c0, 0x038000, [], .intel),  // known id, even on a root bus
    (0x8086, 0x9a49, 0x030000, [], nil),  // integrated graphics on the root bus
    (0x8086, 0x1592, 0x020000, ["0000:00:03.0"], nil),
    (0x15b3, 0x101b, 0x020700, [], nil),
  ])
  func classifies(vendor: UInt16, device: UInt16, classCode: UInt32, path: [String], expected: GPUVendor?) {
    let function = makeFunction("0000:3b:00.0", vendor: vendor, device: device, classCode: classCode, path: path)
    #expect(GPUReader.vendor(of: function) == expected)
  }

  @Test func intelUpstreamPortIsTheTopmostIntelBridge() {
    let functions = [
      makeFunction("0000:00:02.0", vendor: 0x8086, device: 0x352a, classCode: 0x060400, portType: 4),
      makeFunction(
        "0000:01:00.0", vendor: 0x8086, device: 0x4fa1, classCode: 0x060400, path: ["0000:00:02.0"], portType: 5),
      makeFunction(
        "0000:02:01.0", vendor: 0x8086, device: 0x4fa4, classCode: 0x060400, path: ["0000:00:02.0", "0000:01:00.0"],
        portType: 6),
    ]
    let gpu = makeFunction(
      "0000:03:00.0", vendor: 0x8086, device: 0x0bd5, classCode: 0x038000,
      path: ["0000:00:02.0", "0000:01:00.0", "0000:02:01.0"])
    let reader = GPUReader(root: .live, functions: Dictionary(uniqueKeysWithValues: functions.map { ($0.address, $0) }))
    #expect(reader.cardUpstreamPort(gpu)?.description == "0000:01:00.0")
  }

  @Test func parsesNVIDIAInformation() {
    let fields = NVIDIAInformation.parse("Model: \t\t NVIDIA H200\nBus Location: \t 0000:00:06.0\nno colon here\n")
    #expect(fields["Model"] == "NVIDIA H200")
    #expect(fields["Bus Location"] == "0000:00:06.0")
    let version = "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  580.159.04  Release Build  (nixbld@)\n"
    #expect(NVIDIAInformation.driverVersion(procVersion: version) == "580.159.04")
    #expect(NVIDIAInformation.driverVersion(procVersion: "garbage") == nil)
  }
}

@Suite struct TopologyClassifierTests {
  /// root port 00:01.0 → switch 01:00.0 → downstream ports 02:00.0 / 02:01.0 → 03:00.0 / 04:00.0;
  /// root port 00:02.0 → 06:00.0; another host bridge's 0001:01:00.0 on NUMA 1.
  let functions: [PCIAddress: PCIFunction] = {
    let list = [
      makeFunction("0000:00:01.0", classCode: 0x060400, portType: 4),
      makeFunction("0000:01:00.0", classCode: 0x060400, path: ["0000:00:01.0"], portType: 5),
      makeFunction("0000:02:00.0", classCode: 0x060400, path: ["0000:00:01.0", "0000:01:00.0"], portType: 6),
      makeFunction("0000:02:01.0", classCode: 0x060400, path: ["0000:00:01.0", "0000:01:00.0"], portType: 6),
    ]
    return Dictionary(uniqueKeysWithValues: list.map { ($0.address, $0) })
  }()

  func device(_ address: String, _ path: [String], host: String = "pci0000:00", numa: Int? = 0) -> PCIFunction {
    makeFunction(address, path: path, host: host, numa: numa)
  }

  @Test func classifiesPaths() {
    let gpu0 = device("0000:03:00.0", ["0000:00:01.0", "0000:01:00.0", "0000:02:00.0"])
    let gpu1 = device("0000:04:00.0", ["0000:00:01.0", "0000:01:00.0", "0000:02:01.0"])
    let gpu2 = device("0000:06:00.0", ["0000:00:02.0"])
    let near = device("0001:01:00.0", ["0001:00:01.0"], host: "pci0001:00", numa: 0)
    let far = device("0001:01:00.0", ["0001:00:01.0"], host: "pci0001:00", numa: 1)
    let function1 = device("0000:03:00.1", ["0000:00:01.0", "0000:01:00.0", "0000:02:00.0"])
    #expect(TopologyClassifier.classify(gpu0, gpu1, functions: functions) == .pix)
    #expect(TopologyClassifier.classify(gpu0, function1, functions: functions) == .pix)
    #expect(TopologyClassifier.classify(gpu0, gpu2, functions: functions) == .phb)
    #expect(TopologyClassifier.classify(gpu0, near, functions: functions) == .node)
    #expect(TopologyClassifier.classify(gpu0, far, functions: functions) == .sys)
  }

  @Test func nestedSwitchesArePXB() {
    var functions = self.functions
    let nested = makeFunction(
      "0000:07:00.0", classCode: 0x060400, path: ["0000:00:01.0", "0000:01:00.0", "0000:02:01.0"], portType: 5)
    functions[nested.address] = nested
    let gpu0 = device("0000:03:00.0", ["0000:00:01.0", "0000:01:00.0", "0000:02:00.0"])
    let deep = device("0000:09:00.0", ["0000:00:01.0", "0000:01:00.0", "0000:02:01.0", "0000:07:00.0", "0000:08:00.0"])
    #expect(TopologyClassifier.classify(gpu0, deep, functions: functions) == .pxb)
  }

  @Test func pathClassesOrderBestFirst() {
    #expect(PathClass.allCases.sorted() == [.pix, .pxb, .phb, .node, .sys])
  }
}
