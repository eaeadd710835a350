import HardwareProbe
import Testing

@testable import Checks

/// Judging RDMA and topology as an admin would: adapters are cards, Disabled ports are not expected up, VF counts
/// per configured PF, and NUMA affinity that is reported rather than failed where the node has no choice.
@Suite("Admin judgement of RDMA and topology")
struct AdminJudgeTests {
  static func function(_ address: String, numa: Int? = 0, pf: String? = nil) -> PCIDeviceFacts {
    var facts = PCIDeviceFacts(
      address: address, vendor: 0x15b3, device: 0x101b, classCode: 0x020700, numaNode: numa,
      link: LinkFacts(address: address), ancestors: [], hostBridge: "pci" + address.prefix(7))
    facts.physicalFunction = pf
    return facts
  }

  @Test(
    arguments: [
      // A dual-port card: two functions of one PCI device.
      ([("0000:05:00.0", nil), ("0000:05:00.1", nil)], [:], [["0000:05:00.0", "0000:05:00.1"]]),
      // Two dual-port cards on different buses.
      (
        [("0000:05:00.0", nil), ("0000:05:00.1", nil), ("0000:85:00.0", nil), ("0000:85:00.1", nil)], [:],
        [["0000:05:00.0", "0000:05:00.1"], ["0000:85:00.0", "0000:85:00.1"]]
      ),
      // The same bus number in two PCI domains: two cards.
      ([("0000:05:00.0", nil), ("0001:05:00.0", nil)], [:], [["0000:05:00.0"], ["0001:05:00.0"]]),
      // VFs are never part of a card, even on the PF's bus and device.
      (
        [("0000:05:00.0", nil), ("0000:05:00.2", "0000:05:00.0"), ("0000:05:01.1", "0000:05:00.0")], [:],
        [["0000:05:00.0"]]
      ),
      // Functions behind an on-card switch (different buses) with one sys_image_guid: one card.
      (
        [("0000:03:00.0", nil), ("0000:04:00.0", nil)],
        ["0000:03:00.0": "b8ce:f603:00a0:e6f0", "0000:04:00.0": "b8ce:f603:00a0:e6f0"],
        [["0000:03:00.0", "0000:04:00.0"]]
      ),
      // A zero sys_image_guid joins nothing.
      (
        [("0000:03:00.0", nil), ("0000:04:00.0", nil)],
        ["0000:03:00.0": "0000:0000:0000:0000", "0000:04:00.0": "0000:0000:0000:0000"],
        [["0000:03:00.0"], ["0000:04:00.0"]]
      ),
      // A 4-port E810 (four functions, each with its own irdma device).
      (
        [("0000:17:00.3", nil), ("0000:17:00.0", nil), ("0000:17:00.1", nil), ("0000:17:00.2", nil)], [:],
        [["0000:17:00.0", "0000:17:00.1", "0000:17:00.2", "0000:17:00.3"]]
      ),
    ] as [([(String, String?)], [String: String], [[String]])])
  func adaptersAreCards(functions: [(String, String?)], guids: [String: String], cards: [[String]]) {
    let facts = functions.map { Self.function($0.0, pf: $0.1) }
    let grouped = AdapterCard.group(facts, imageGUID: { guids[$0] }, rdma: { _ in [] })
    #expect(grouped.map { $0.functions.map(\.address) } == cards)
  }

  static func port(_ device: String, _ state: String, _ phys: String, port: Int = 1) -> PortFacts {
    PortFacts(
      device: device, port: port, state: state, physState: phys, rateGbps: 200, rateText: "200 Gb/sec (4X HDR)",
      linkLayer: "InfiniBand", lid: 1, smLid: 1, errorCounters: [:])
  }

  static let ports = [
    port("mlx5_0", "ACTIVE", "LinkUp"), port("mlx5_1", "DOWN", "Disabled"), port("mlx5_2", "DOWN", "Polling"),
  ]

  @Test(
    arguments: [
      // Default: every port not Disabled is expected up; Polling fails, Disabled is skipped with a note.
      ([], ["mlx5_0/1": CheckOutcome.pass, "mlx5_1/1": .skip, "mlx5_2/1": .fail]),
      // The site names the cabled port: only it is judged.
      (["mlx5_0/1"], ["mlx5_0/1": .pass, "mlx5_1/1": .skip, "mlx5_2/1": .skip]),
      // The site expects a Disabled port up: it fails.
      (["mlx5_1"], ["mlx5_0/1": .skip, "mlx5_1/1": .fail, "mlx5_2/1": .skip]),
      // A listed port that does not exist fails.
      (["mlx5_0/2"], ["mlx5_0/1": .skip, "mlx5_1/1": .skip, "mlx5_2/1": .skip, "mlx5_0/2": .fail]),
    ] as [([String], [String: CheckOutcome])])
  func expectedPortsComeFromTheSite(expected: [String], outcomes: [String: CheckOutcome]) {
    let selection = PortSelection.select(Self.ports, expected: expected)
    let items = selection.judged.map(PortJudge.state) + selection.items
    #expect(Dictionary(uniqueKeysWithValues: items.map { ($0.name, $0.outcome) }) == outcomes)
  }

  @Test func disabledPortNoteSaysWhy() {
    let item = PortSelection.select(Self.ports, expected: []).items[0]
    #expect(item.message == "mlx5_1/1: physical state Disabled, not expected up (list it in ib-ports to require it)")
  }

  static func pf(_ address: String, _ device: String, numVFs: Int, present: Int) -> PFFacts {
    let vfs = (0..<present).map {
      VFFacts(address: "\(address)-vf\($0)", index: $0, driver: "mlx5_core", iommuGroup: "\($0)", nodeGUID: "1:\($0)")
    }
    return PFFacts(address: address, rdmaDevice: device, numVFs: numVFs, totalVFs: 16, vfs: vfs)
  }

  /// PF0 with 8 VFs, PF1 (its sibling) with none, as on the A30 node.
  static let a30 = [
    pf("0000:05:00.0", "mlx5_0", numVFs: 8, present: 8), pf("0000:05:00.1", "mlx5_1", numVFs: 0, present: 0),
  ]

  @Test(
    arguments: [
      (a30, nil, ["0000:05:00.0": CheckOutcome.pass, "0000:05:00.1": .skip]),
      (a30, "8", ["0000:05:00.0": .pass, "0000:05:00.1": .skip]),
      (a30, "mlx5_0=8", ["0000:05:00.0": .pass, "0000:05:00.1": .skip]),
      (a30, "4", ["0000:05:00.0": .fail, "0000:05:00.1": .skip]),
      (a30, "mlx5_1=4", ["0000:05:00.0": .pass, "0000:05:00.1": .fail]),
      (a30, "0000:05:00.1=0", ["0000:05:00.0": .pass, "0000:05:00.1": .pass]),
      (a30, "mlx5_9=8", ["0000:05:00.0": .pass, "0000:05:00.1": .skip, "mlx5_9": .fail]),
      // A configured VF that is missing fails with or without an expected count.
      ([pf("0000:05:00.0", "mlx5_0", numVFs: 8, present: 7)], nil, ["0000:05:00.0": .fail]),
      ([pf("0000:05:00.0", "mlx5_0", numVFs: 8, present: 7)], "8", ["0000:05:00.0": .fail]),
      // VFs expected for every PF, none configured anywhere.
      ([pf("0000:81:00.0", "mlx5_0", numVFs: 0, present: 0)], "4", ["0000:81:00.0": .skip, "numvfs": .fail]),
      // Both PFs configured, one short.
      (
        [pf("0001:3b:00.0", "mlx5_0", numVFs: 4, present: 4), pf("0001:3b:00.1", "mlx5_1", numVFs: 2, present: 2)], "4",
        ["0001:3b:00.0": .pass, "0001:3b:00.1": .fail]
      ),
    ] as [([PFFacts], String?, [String: CheckOutcome])])
  func vfCountsPerConfiguredPF(pfs: [PFFacts], expected: String?, outcomes: [String: CheckOutcome]) {
    let items = SRIOVJudge.numVFs(pfs, expected: expected.flatMap(ExpectationType.countMap))
    #expect(Dictionary(uniqueKeysWithValues: items.map { ($0.name, $0.outcome) }) == outcomes)
  }

  @Test func vfCountMessages() {
    let items = SRIOVJudge.numVFs(Self.a30, expected: ExpectationType.countMap("8"))
    #expect(items[0].message == "0000:05:00.0 (mlx5_0): 8 VFs of 16, 8 present, expected 8")
    #expect(items[1].message == "0000:05:00.1 (mlx5_1): SR-IOV not configured (0 VFs of 16, 0 present), not judged")
  }
}
