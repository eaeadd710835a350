import Glibc
import HPCBasics
import TestSupport
import Testing

@testable import HardwareProbe

@Suite struct RDMAReaderTests {
  @Test(arguments: [
    ("4: ACTIVE", 4, "ACTIVE"), ("5: LinkUp", 5, "LinkUp"), ("2: Polling", 2, "Polling"), ("ACTIVE", nil, "ACTIVE"),
  ])
  func splitsStates(text: String, code: Int?, name: String) {
    let split = RDMAReader.splitState(text)
    #expect(split.code == code && split.name == name)
  }

  @Test(arguments: [
    ("400 Gb/sec (4X NDR)", 400.0), ("200 Gb/sec (2X NDR)", 200.0), ("2.5 Gb/sec (1X SDR)", 2.5), ("fast", nil),
    ("100 Mb/sec", nil),
  ])
  func parsesRates(text: String, rate: Double?) {
    #expect(RDMAReader.parseRate(text) == rate)
  }

  @Test func transportFromNodeTypeAndLinkLayer() {
    #expect(RDMAReader.transport(nodeType: "1: CA", linkLayers: ["InfiniBand"]) == .infiniband)
    #expect(RDMAReader.transport(nodeType: "1: CA", linkLayers: ["Ethernet"]) == .roce)
    #expect(RDMAReader.transport(nodeType: "4: RNIC", linkLayers: ["Ethernet"]) == .iwarp)
    #expect(RDMAReader.transport(nodeType: nil, linkLayers: []) == .unknown)
  }

  /// The real `/sys/class/infiniband` subset of an 8×H100 node (public/gpud-sys-class-infiniband-h100).
  @Test func readsTheRealH100InfinibandTree() throws {
    let root = try stageClassInfiniband()
    defer { FileSystem.removeTree(root) }
    var reader = RDMAReader(root: SystemRoot(root), functions: [:])
    let adapters = reader.read()
    #expect(adapters.map(\.name).first == "mlx5_0")
    #expect(adapters.count == 9)
    let first = try #require(adapters.first)
    #expect(first.hcaType == "MT4129")
    #expect(first.firmware == "28.41.1000")
    #expect(first.address == nil, "the capture has no device link")
    #expect(first.transport == .infiniband)
    #expect(first.ports.first?.rateGbps == 400)
    #expect(first.ports.first?.isActive == true)
    #expect(first.ports.first?.counters["symbol_error"] != nil)
    let bond = try #require(adapters.first { $0.name == "mlx5_bond_0" })
    #expect(bond.transport == .roce)
    #expect(bond.ports.first?.rate == "200 Gb/sec (2X NDR)")
    #expect(DeviceNames.deviceID(hcaType: "MT4129") == 0x1021)
  }

  @Test func gidTableReadingStopsAfterARunOfZeros() throws {
    var reader = RDMAReader(root: SystemRoot(Fixtures.directory + "/gid-table"), functions: [:])
    let port = try #require(reader.read().first?.ports.first)
    #expect(port.gids.keys.sorted() == [0, 3])
    #expect(port.gids[3] == "0000:0000:0000:0000:0000:ffff:0a00:0011")
    #expect(reader.warnings.isEmpty)
  }

  /// GID tables (true: a set entry) and the indexes read from them.
  static let gidTables: [([Bool], [Int])] = [
    ([true, false, false, true], [0, 3]),
    ([true] + Array(repeating: false, count: RDMAReader.gidZeroRun) + [true], [0]),
    (Array(repeating: false, count: RDMAReader.gidZeroRun - 1) + [true], [RDMAReader.gidZeroRun - 1]),
    ([false, true, true], [1, 2]),
    ([], []),
  ]
  static let zeroGID = "0000:0000:0000:0000:0000:0000:0000:0000"

  /// GID tables of every shape: entries are opened by index until one is missing or `gidZeroRun` zeros in a row.
  @Test(arguments: RDMAReaderTests.gidTables)
  func gidTablesAreReadByIndex(table: [Bool], expected: [Int]) throws {
    let root = Scratch.directory("hpctest-gids-")
    defer { FileSystem.removeTree(root) }
    let gids = root + "/sys/class/infiniband/mlx5_0/ports/1/gids"
    FileSystem.makeDirectories(gids)
    for (index, set) in table.enumerated() {
      let value = set ? "fe80:0000:0000:0000:0000:0000:0000:\(String(index + 1, radix: 16))" : RDMAReaderTests.zeroGID
      try #require(FileSystem.write(gids + "/\(index)", value + "\n"))
    }
    var reader = RDMAReader(root: SystemRoot(root), functions: [:])
    let port = try #require(reader.read().first?.ports.first)
    #expect(port.gids.keys.sorted() == expected)
    for index in expected { #expect(port.gids[index]?.hasSuffix(":\(String(index + 1, radix: 16))") == true) }
  }

  /// An adapter read before the PCI functions takes its function's name, driver, NUMA node and VF flag when joined;
  /// on a VF the MLNX_OFED settings (a PF's) are dropped; without a known function it stays as read.
  @Test(arguments: [(true, true), (true, false), (false, false)])
  func joiningAddsTheFunctionsFacts(known: Bool, virtual: Bool) {
    let address = PCIAddress("0000:17:00.2")!
    var function = makeFunction(
      "0000:17:00.2", vendor: 0x15b3, device: 0x101e, classCode: 0x020700, numa: 1,
      physfn: virtual ? "0000:17:00.0" : nil)
    function.name = "ConnectX Family mlx5Gen Virtual Function"
    function.driver = "mlx5_core"
    let adapter = RDMAAdapter(
      name: "mlx5_2", address: address, deviceName: nil, driver: nil, numaNode: nil, nodeGUID: nil,
      systemImageGUID: nil, firmware: nil, hcaType: nil, boardID: nil, nodeType: nil, isVirtualFunction: false,
      transport: .infiniband, ports: [], ofedVFs: [OFEDVFSettings(index: 0, node: nil, port: nil, policy: "Up")])
    let joined = RDMAReader.joined(adapter, functions: known ? [address: function] : [:])
    #expect(joined.deviceName == (known ? function.name : nil))
    #expect(joined.driver == (known ? "mlx5_core" : nil))
    #expect(joined.numaNode == (known ? 1 : nil))
    #expect(joined.isVirtualFunction == virtual)
    #expect(joined.ofedVFs.count == (virtual ? 0 : 1))
  }

  /// Puts the captured class directory at `<tmp>/sys/class/infiniband` through a symlink.
  private func stageClassInfiniband() throws -> String {
    let root = Scratch.directory("hpctest-ib-")
    FileSystem.makeDirectories(root + "/sys/class")
    let source = Fixtures.directory + "/public/gpud-sys-class-infiniband-h100"
    try #require(symlink(source, root + "/sys/class/infiniband") == 0)
    return root
  }
}
