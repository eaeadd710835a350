import Testing

@testable import Checks

@Suite("Judges as tables")
struct JudgeTests {
  static let address = "0000:3b:00.0"

  static func link(_ speed: Double, _ width: Int, max: Double = 16, maxWidth: Int = 16) -> LinkFacts {
    LinkFacts(address: address, currentSpeed: speed, currentWidth: width, maxSpeed: max, maxWidth: maxWidth)
  }

  @Test(arguments: [
    (
      link(16, 16), PCILinkJudge.Expected(generation: 4, width: 16), CheckOutcome.pass,
      "0000:3b:00.0: PCIe link 16.0 GT/s x16, expected 16.0 GT/s x16"
    ),
    (
      link(16, 8), PCILinkJudge.Expected(generation: 4, width: 16), .fail,
      "0000:3b:00.0: PCIe link 16.0 GT/s x8, expected 16.0 GT/s x16"
    ),
    (
      link(2.5, 16), PCILinkJudge.Expected(generation: 4, width: 16), .fail,
      "0000:3b:00.0: PCIe link 2.5 GT/s x16, expected 16.0 GT/s x16"
    ),
    (
      link(2.5, 16), PCILinkJudge.Expected(generation: 4, width: 16, idleDownshift: true), .pass,
      "0000:3b:00.0: PCIe link 2.5 GT/s x16, expected 16.0 GT/s x16: idle downshift (maximum 16.0 GT/s x16 is right)"
    ),
    (
      link(8, 16, max: 8), PCILinkJudge.Expected(generation: 4, width: 16, idleDownshift: true), .fail,
      "0000:3b:00.0: PCIe link capable of 8.0 GT/s x16 only, expected 16.0 GT/s x16"
    ),
    (
      link(32, 16, max: 32), PCILinkJudge.Expected(), .pass,
      "0000:3b:00.0: PCIe link 32.0 GT/s x16, expected 32.0 GT/s x16"
    ),
    (
      LinkFacts(address: address), PCILinkJudge.Expected(), .skip,
      "0000:3b:00.0: no PCIe link attributes (virtual or non-PCIe device)"
    ),
  ])
  func pcieLink(facts: LinkFacts, expected: PCILinkJudge.Expected, outcome: CheckOutcome, message: String) {
    let item = PCILinkJudge.judge(facts, expected: expected)
    #expect(item.outcome == outcome)
    #expect(item.message == message)
  }

  @Test(arguments: [
    (LinkFacts.parseSpeed("32.0 GT/s PCIe"), 32.0 as Double?), (LinkFacts.parseSpeed("8 GT/s"), 8),
    (LinkFacts.parseSpeed("2.5 GT/s"), 2.5), (LinkFacts.parseSpeed("Unknown"), nil),
  ])
  func linkSpeedFormats(parsed: Double?, expected: Double?) { #expect(parsed == expected) }

  static func port(
    state: String = "ACTIVE", phys: String = "LinkUp", rate: Double? = 200, lid: Int? = 5, sm: Int? = 1,
    layer: String = "InfiniBand", counters: [String: Int] = ["symbol_error": 0]
  ) -> PortFacts {
    PortFacts(
      device: "mlx5_0", port: 1, state: state, physState: phys, rateGbps: rate, rateText: "\(rate ?? 0) Gb/sec",
      linkLayer: layer, lid: lid, smLid: sm, errorCounters: counters)
  }

  @Test(arguments: [
    (port(), CheckOutcome.pass, "mlx5_0/1: state ACTIVE, physical state LinkUp, expected ACTIVE, LinkUp"),
    (
      port(state: "DOWN", phys: "Disabled"), .fail,
      "mlx5_0/1: state DOWN, physical state Disabled, expected ACTIVE, LinkUp"
    ),
    (port(state: "INIT"), .fail, "mlx5_0/1: state INIT, physical state LinkUp, expected ACTIVE, LinkUp"),
  ])
  func portState(facts: PortFacts, outcome: CheckOutcome, message: String) {
    let item = PortJudge.state(facts)
    #expect(item.outcome == outcome)
    #expect(item.message == message)
  }

  @Test(arguments: [
    (port(rate: 200), 200.0 as Double?, CheckOutcome.pass), (port(rate: 100), 200, .fail),
    (port(rate: 400), 200, .pass),
    (port(rate: nil), 200, .fail), (port(rate: 100), nil, .pass),
  ])
  func portRate(facts: PortFacts, expected: Double?, outcome: CheckOutcome) {
    #expect(PortJudge.rate(facts, expected: expected).outcome == outcome)
  }

  @Test func portRateMessage() {
    #expect(
      PortJudge.rate(Self.port(rate: 100), expected: 200).message == "mlx5_0/1: rate 100.0 Gb/s, expected 200.0 Gb/s")
  }

  @Test(arguments: [
    (port(), CheckOutcome.pass), (port(lid: 0, sm: 0), .fail), (port(lid: 0xffff, sm: 1), .fail),
    (port(lid: nil, sm: nil, layer: "Ethernet"), .skip),
  ])
  func subnetManager(facts: PortFacts, outcome: CheckOutcome) {
    #expect(PortJudge.subnetManager(facts).outcome == outcome)
  }

  @Test func countersAndTheirIncrease() {
    let noisy = Self.port(counters: ["symbol_error": 12, "link_downed": 1])
    #expect(PortJudge.counters(noisy, maximum: 0).outcome == .warn)
    #expect(
      PortJudge.counters(noisy, maximum: 0).message
        == "mlx5_0/1: symbol_error 12, link_downed 1, expected at most 0 each")
    let same = PortJudge.counters(noisy, maximum: 0, before: ["symbol_error": 12, "link_downed": 1])
    #expect(same.outcome == .pass)
    #expect(same.message == "mlx5_0/1: 2 counters read, none above 0 during the plan")
    let grew = PortJudge.counters(noisy, maximum: 0, before: ["symbol_error": 10, "link_downed": 1])
    #expect(grew.message == "mlx5_0/1: symbol_error +2 during the plan, expected at most 0 each")
  }

  static func vf(_ index: Int, guid: String?, group: String?, driver: String? = "mlx5_core") -> VFFacts {
    VFFacts(address: "0000:04:00.\(index + 1)", index: index, driver: driver, iommuGroup: group, nodeGUID: guid)
  }

  @Test func sriovFunctions() {
    let pf = PFFacts(
      address: "0000:04:00.0", rdmaDevice: "mlx5_0", numVFs: 4, totalVFs: 8,
      vfs: [
        Self.vf(0, guid: "b8ce:f603:00a1:2b01", group: "20"), Self.vf(1, guid: "0000:0000:0000:0000", group: "21"),
        Self.vf(2, guid: "b8ce:f603:00a1:2b01", group: "22"),
        Self.vf(
          3, guid: "b8ce:f603:00a1:2b04", group: "22",
          driver: "vfio-pci"),
      ])
    let items = SRIOVJudge.virtualFunctions([pf], driver: { _ in "mlx5_core" }, requireIOMMU: true)
    #expect(items.map(\.outcome) == [.fail, .fail, .fail, .fail])
    #expect(items[0].message == "0000:04:00.1 (VF 0): GUID b8ce:f603:00a1:2b01 is not unique")
    #expect(items[1].message == "0000:04:00.2 (VF 1): GUID 0000:0000:0000:0000 is zero, expected a non-zero GUID")
    #expect(
      items[3].message
        == "0000:04:00.4 (VF 3): driver vfio-pci, expected mlx5_core; IOMMU group 22 shared with another VF, expected one group per VF"
    )
    let eight = CountMap(all: 8, perDevice: [:])
    #expect(
      SRIOVJudge.numVFs(pf, expected: eight).message == "0000:04:00.0 (mlx5_0): 4 VFs of 8, 4 present, expected 8")
    #expect(SRIOVJudge.numVFs(pf, expected: CountMap(all: 4, perDevice: [:])).outcome == .pass)
  }

  @Test(arguments: [
    (AERCounts(correctable: 0, nonFatal: 0, fatal: 0) as AERCounts?, CheckOutcome.pass),
    (AERCounts(correctable: 0, nonFatal: 1, fatal: 0), .fail),
    (AERCounts(correctable: 0, nonFatal: 0, fatal: 1), .fail),
    (AERCounts(correctable: 101, nonFatal: 0, fatal: 0), .warn), (nil, .skip),
  ])
  func aer(counts: AERCounts?, outcome: CheckOutcome) {
    #expect(AERJudge.judge(address: Self.address, counts, correctableMax: 100).outcome == outcome)
  }

  @Test(arguments: [
    (DriverJudge.Facts(address: address, driver: "nvidia", registered: true), CheckOutcome.pass),
    (DriverJudge.Facts(address: address, driver: nil, registered: nil), .fail),
    (DriverJudge.Facts(address: address, driver: "vfio-pci", registered: nil), .fail),
    (DriverJudge.Facts(address: address, driver: "nvidia", registered: false), .fail),
  ])
  func driver(facts: DriverJudge.Facts, outcome: CheckOutcome) {
    #expect(DriverJudge.judge(facts, allowed: ["nvidia"]).outcome == outcome)
  }

  @Test func inventoryCount() {
    let devices = (0..<3).map { InventoryJudge.Device(address: "0000:0\($0):00.0", pciID: "10de:20b7", model: "A30") }
    let items = InventoryJudge.judge(devices, kind: "GPU", expectedCount: 4, expectedModel: "A30")
    #expect(items.last == CheckItem("count", .fail, "found 3 A30 GPUs, expected 4"))
    #expect(InventoryJudge.judge([], kind: "GPU", expectedCount: nil, expectedModel: nil).last?.outcome == .skip)
  }

  static func health(_ fields: [String: String]) -> NvidiaGPUHealth {
    NvidiaGPUHealth(row: fields.merging(["pci.bus_id": "00000000:3B:00.0"]) { first, _ in first })
  }

  @Test(arguments: [
    (["ecc.mode.current": "Enabled", "ecc.errors.uncorrected.volatile.total": "0"], CheckOutcome.pass),
    (["ecc.mode.current": "Enabled", "ecc.errors.uncorrected.volatile.total": "2"], .fail),
    (["ecc.mode.current": "Disabled"], .fail),
    (["ecc.mode.current": "Enabled", "ecc.errors.corrected.aggregate.total": "5000"], .warn),
  ])
  func ecc(fields: [String: String], outcome: CheckOutcome) {
    #expect(NvidiaHealthJudge.ecc(Self.health(fields), correctedMax: 1000).outcome == outcome)
  }

  @Test(arguments: [
    ("0x0000000000000001", CheckOutcome.pass), ("0x0000000000000004", .pass), ("0x0000000000000040", .fail),
    ("0x0000000000000080", .fail), ("0x0000000000000020", .warn), ("[N/A]", .skip),
  ])
  func clockEvents(mask: String, outcome: CheckOutcome) {
    #expect(NvidiaHealthJudge.clockEvents(Self.health(["clocks_event_reasons.active": mask])).outcome == outcome)
  }

  @Test func xidSeverityAndWindow() {
    let events = XidEvent.parse(Fixture.tool("derived/a30-faulty.dmesg.txt"))
    let gpus = ["0000:04:00.0", "0000:06:00.0", "0000:03:00.0"]
    let all = XidJudge.judge(gpus: gpus, events: events, since: nil, window: "in the kernel log")
    #expect(all.map(\.outcome) == [.fail, .info, .pass])
    #expect(
      all[0].message
        == "0000:04:00.0: XID 79 in the kernel log (last: 79, pid=0, name=kworker/12:1, GPU has fallen off the bus.), expected none"
    )
    let recent = XidJudge.judge(gpus: gpus, events: events, since: 99000, window: "in the last 1000 s")
    #expect(recent.map(\.outcome) == [.fail, .pass, .pass])
  }

  @Test func jainFairness() {
    #expect(LoadJudge.jain([10, 10, 10, 10]) == 1)
    #expect(LoadJudge.jain([40, 0, 0, 0]) == 0.25)
    let flows = [
      LoadJudge.Flow("a", solo: 100, loaded: 80, unit: "Gb/s"),
      LoadJudge.Flow("b", solo: 100, loaded: 20, unit: "Gb/s"),
    ]
    let (items, figures) = LoadJudge.shares(flows, share: 0.5)
    #expect(items.map(\.outcome) == [.pass, .fail])
    #expect(items[1].message == "b: 20.0 Gb/s under load, expected ≥ 50.0 Gb/s (0.5 × solo 100.0)")
    #expect(figures[1].withinTolerance == false)
    #expect(LoadJudge.fairness(flows, minimum: 0.9).0.outcome == .fail)
  }

  @Test func bandwidthAgainstLineRate() {
    let (pass, figures) = BandwidthJudge.judge("mlx5_0/1", gbps: 185, lineRate: 200, fraction: 0.9)
    #expect(pass.outcome == .pass)
    #expect(figures == [CheckFigure("mlx5_0/1:bw", value: 185, reference: 200, lower: 0.9 - 1, unit: "Gb/s")])
    let (fail, _) = BandwidthJudge.judge("mlx5_0/1", gbps: 150, lineRate: 200, fraction: 0.9)
    #expect(fail.message == "mlx5_0/1: 150.0 Gb/s, expected ≥ 180.0 Gb/s (0.9 × 200.0 Gb/s)")
  }

  @Test func gpudirect() {
    #expect(GPUDirectJudge.judge(.init(peermem: true, openModule: false, version: "470.1")).outcome == .pass)
    #expect(GPUDirectJudge.judge(.init(peermem: false, openModule: true, version: "580.159.04")).outcome == .pass)
    #expect(GPUDirectJudge.judge(.init(peermem: false, openModule: false, version: "535.1")).outcome == .fail)
  }
}
