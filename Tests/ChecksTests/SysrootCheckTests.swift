import HPCBasics
import Testing

@testable import Checks

/// Checks run against the shared sysroots under `Tests/Sysroots` (real H200; generated A30 + ConnectX-6 and Intel
/// Max 1550 trees), and against copies of them with one file changed for faults those trees lack.
@Suite("Checks on fixture sysroots")
struct SysrootCheckTests {
  static let healthyA30 = [
    "gpu.inventory", "gpu.driver", "gpu.pcie-link", "gpu.aer", "rdma.inventory", "rdma.port-state", "rdma.port-rate",
    "rdma.sm", "rdma.counters", "rdma.pcie-link", "rdma.sriov-numvfs", "rdma.sriov-vfs", "crosstalk.affinity",
    "crosstalk.acs", "crosstalk.gpudirect",
  ]

  /// The nightly-a30 expectations: the plan's (GPU count, model, PCIe) and the site's (one card, 200 Gb/s, 8 VFs
  /// on mlx5_0), as one number or per PF, with and without the cabled port listed.
  static let a30Expectations: [[String: String]] = [
    [
      "gpus": "4", "gpu-model": "A30", "pcie-gen": "4", "pcie-width": "16", "adapters": "1", "ib-rate": "200",
      "numvfs": "mlx5_0=8", "adapter-model": "ConnectX-6", "adapter-firmware": "20.40.1000",
    ],
    ["gpus": "4", "adapters": "1", "ib-rate": "200", "numvfs": "8", "ib-ports": "mlx5_0/1"],
    [:],
  ]

  @Test(arguments: healthyA30, a30Expectations)
  func healthyA30Passes(check: String, expect: [String: String]) async {
    let result = await runCheck(check, root: "a30-cx6-aarch64", expect: expect)
    #expect(result.outcome == .pass, "\(result.items)")
  }

  /// The faulty tree still fails on each planted fault under the same expectations.
  @Test(arguments: [
    ("rdma.port-state", "mlx5_0/1"), ("rdma.sm", "mlx5_0/1"), ("gpu.pcie-link", "0000:04:00.0"),
    ("rdma.sriov-vfs", "0000:05:00.5"), ("crosstalk.affinity", "0000:03:00.0-0000:05:00.0"),
    ("crosstalk.acs", "0000:03:00.0-0000:05:00.0"),
  ])
  func faultyA30FailsOnItsFaults(check: String, item: String) async {
    for expect in Self.a30Expectations {
      let result = await runCheck(check, root: "a30-cx6-aarch64-faulty", expect: expect)
      #expect(result.outcome == .fail, "\(result.items)")
      #expect(result.item(item)?.outcome == .fail, "\(result.items)")
    }
  }

  /// The shared healthy tree puts GPU3 on the other socket (SYS, NUMA 1); with it moved to NUMA node 0 in a copy,
  /// every GPU's nearest adapter is on its node.
  @Test func healthyA30AffinityPasses() async throws {
    let gpu3 = "/sys/bus/pci/devices/0001:01:00.0/numa_node"
    let root = try #require(Fixture.mutated("a30-cx6-aarch64", [gpu3: "0\n"]))
    defer { _ = FileSystem.removeTree(Path.dirname(root.path)) }
    let result = await runCheck("crosstalk.affinity", on: root)
    #expect(result.outcome == .pass, "\(result.items)")
  }

  @Test func faultyLinkAtX8() async {
    let result = await runCheck("gpu.pcie-link", root: "a30-cx6-aarch64-faulty")
    #expect(result.outcome == .fail)
    #expect(result.item("0000:04:00.0")?.message == "0000:04:00.0: PCIe link 16.0 GT/s x8, expected 16.0 GT/s x16")
    #expect(result.item("0000:03:00.0")?.outcome == .pass)
  }

  @Test func portDownDisabledAndPolling() async {
    let result = await runCheck("rdma.port-state", root: "a30-cx6-aarch64")
    #expect(
      result.item("mlx5_1/1")?.message
        == "mlx5_1/1: physical state Disabled, not expected up (list it in ib-ports to require it)")
    #expect(result.item("mlx5_1/1")?.outcome == .skip)
    let required = await runCheck("rdma.port-state", root: "a30-cx6-aarch64", expect: ["ib-ports": "mlx5_0,mlx5_1"])
    #expect(
      required.item("mlx5_1/1")?.message == "mlx5_1/1: state DOWN, physical state Disabled, expected ACTIVE, LinkUp")
    #expect(required.outcome == .fail)
    let polling = await runCheck("rdma.port-state", root: "a30-cx6-aarch64-faulty")
    #expect(
      polling.item("mlx5_0/1")?.message == "mlx5_0/1: state DOWN, physical state Polling, expected ACTIVE, LinkUp")
    let sm = await runCheck("rdma.sm", root: "a30-cx6-aarch64-faulty")
    #expect(
      sm.item("mlx5_0/1")?.message == "mlx5_0/1: lid 0x0, sm_lid 0x0, expected a LID assigned by a subnet manager")
  }

  @Test func faultyZeroGUID() async {
    let result = await runCheck("rdma.sriov-vfs", root: "a30-cx6-aarch64-faulty")
    #expect(result.outcome == .fail)
    #expect(
      result.item("0000:05:00.5")?.message
        == "0000:05:00.5 (VF 3): GUID 0000:0000:0000:0000 is zero, expected a non-zero GUID")
    #expect(result.items.filter { $0.outcome == .fail }.count == 1)
  }

  @Test func faultyNUMAAffinity() async {
    let result = await runCheck("crosstalk.affinity", root: "a30-cx6-aarch64-faulty")
    #expect(result.outcome == .fail)
    #expect(
      result.item("0000:03:00.0-0000:05:00.0")?.message
        == "0000:03:00.0 ↔ 0000:05:00.0: path PIX, NUMA 1 / 0, expected the same NUMA node for a PIX path "
        + "(NUMA affinity misreported?)")
  }

  @Test func healthyPathClasses() async {
    let result = await runCheck("crosstalk.affinity", root: "a30-cx6-aarch64")
    #expect(result.item("0000:03:00.0-0000:05:00.0")?.message == "0000:03:00.0 ↔ 0000:05:00.0: path PIX, NUMA 0 / 0")
    #expect(result.item("0000:06:00.0-0000:05:00.0")?.message == "0000:06:00.0 ↔ 0000:05:00.0: path PHB, NUMA 0 / 0")
    #expect(result.item("0001:01:00.0-0000:05:00.0")?.outcome == .info)
    #expect(result.items.count == 4, "one item per GPU, the dual-port card counted once")
    for (key, value) in [("max-path-class", "NODE"), ("allow-sys", "false")] {
      let strict = await runCheck("crosstalk.affinity", root: "a30-cx6-aarch64", expect: [key: value])
      #expect(
        strict.item("0001:01:00.0-0000:05:00.0")?.message
          == "0001:01:00.0 ↔ 0000:05:00.0: path SYS, NUMA 1 / 0, expected NODE or better (max-path-class)")
    }
  }

  @Test func faultyACSRedirect() async {
    let result = await runCheck("crosstalk.acs", root: "a30-cx6-aarch64-faulty")
    #expect(
      result.item("0000:03:00.0-0000:05:00.0")?.message
        == "0000:03:00.0-0000:05:00.0: ACS redirect on 0000:02:00.0 RR+CR+UF, 0000:02:02.0 RR+CR+UF, expected none "
        + "on the path")
  }

  /// The shared faulty tree has only correctable AER errors: a copy gets two non-fatal ones on GPU0.
  @Test func nonFatalAERAndGPUDirect() async throws {
    let aerFile = "/sys/bus/pci/devices/0000:03:00.0/aer_dev_nonfatal"
    let root = try #require(Fixture.mutated("a30-cx6-aarch64-faulty", [aerFile: "DLP 2\nTOTAL_ERR_NONFATAL 2\n"]))
    defer { _ = FileSystem.removeTree(Path.dirname(root.path)) }
    let aer = await runCheck("gpu.aer", on: root)
    #expect(
      aer.item("0000:03:00.0")?.message
        == "0000:03:00.0: AER fatal 0, non-fatal 2, correctable 0, expected no uncorrectable errors")
    let gdr = await runCheck("crosstalk.gpudirect", root: "a30-cx6-aarch64-faulty")
    #expect(gdr.outcome == .pass, "the open module 550 gives dma-buf even without nvidia_peermem")
  }

  @Test func numVFsAgainstExpected() async {
    let result = await runCheck("rdma.sriov-numvfs", root: "a30-cx6-aarch64", expect: ["numvfs": "16"])
    #expect(result.item("0000:05:00.0")?.message == "0000:05:00.0 (mlx5_0): 8 VFs of 16, 8 present, expected 16")
    let matching = await runCheck("rdma.sriov-numvfs", root: "a30-cx6-aarch64", expect: ["numvfs": "8"])
    #expect(matching.item("0000:05:00.0")?.message == "0000:05:00.0 (mlx5_0): 8 VFs of 16, 8 present, expected 8")
    #expect(matching.item("0000:05:00.0")?.outcome == .pass)
    #expect(matching.item("0000:05:00.1")?.outcome == .skip)
  }

  @Test func inventoryOfTheRealH200() async {
    let result = await runCheck("gpu.inventory", root: "h200-x86_64", expect: ["gpus": "1", "gpu-model": "H200"])
    #expect(result.outcome == .pass)
    #expect(result.item("0000:00:06.0")?.message == "0000:00:06.0: H200 (10de:2335)")
    let wrong = await runCheck("gpu.inventory", root: "h200-x86_64", expect: ["gpus": "4"])
    #expect(wrong.item("count")?.message == "found 1 GPU, expected 4")
  }

  @Test(arguments: ["gpu.driver", "gpu.pcie-link"])
  func theRealH200Passes(check: String) async {
    #expect(await runCheck(check, root: "h200-x86_64").outcome == .pass)
  }

  @Test(arguments: [
    "rdma.inventory", "rdma.port-state", "rdma.sriov-vfs", "crosstalk.affinity", "gpu.intel-tiles", "gpu.aer",
    "gpu.ecc", "gpu.xid", "rdma.verbs", "rdma.loopback-bw", "crosstalk.concurrent-load", "crosstalk.vf-fairness",
  ])
  func theH200WithoutInfiniBandOrToolsSkips(check: String) async {
    let result = await runCheck(check, root: "h200-x86_64")
    #expect(result.outcome == .skip, "\(result.items)")
  }

  @Test func intelUpstreamPortLink() async throws {
    let healthy = await runCheck("gpu.pcie-link", root: "intel-max1550-x86_64")
    #expect(healthy.outcome == .pass)
    #expect(
      healthy.item("0000:03:00.0")?.message
        == "0000:03:00.0 (upstream port 0000:01:00.0): PCIe link 32.0 GT/s x16, expected 32.0 GT/s x16")
    let x8 = try #require(Self.intelX8)
    defer { _ = FileSystem.removeTree(Path.dirname(x8.path)) }
    let faulty = await runCheck("gpu.pcie-link", on: x8)
    #expect(
      faulty.item("0000:83:00.0")?.message
        == "0000:83:00.0 (upstream port 0000:81:00.0): PCIe link 32.0 GT/s x8, expected 32.0 GT/s x16")
  }

  @Test func intelTiles() async throws {
    #expect(await runCheck("gpu.intel-tiles", root: "intel-max1550-x86_64").outcome == .pass)
    let x8 = try #require(Self.intelX8)
    defer { _ = FileSystem.removeTree(Path.dirname(x8.path)) }
    let faulty = await runCheck("gpu.intel-tiles", on: x8)
    #expect(faulty.item("0000:83:00.0")?.message == "0000:83:00.0: gt1 max frequency 1200 MHz, expected 1600 MHz (RP0)")
    let count = await runCheck("gpu.intel-tiles", root: "intel-max1550-x86_64", expect: ["gpu-tiles": "1"])
    #expect(count.item("0000:03:00.0")?.message == "0000:03:00.0: 2 tiles, expected 1")
  }

  /// The Intel tree with card 2's upstream port trained at x8 and its tile gt1 capped at 1200 MHz (a new copy per
  /// use).
  static var intelX8: SystemRoot? {
    let card = "/sys/devices/pci0000:80/0000:80:02.0/0000:81:00.0"
    return Fixture.mutated(
      "intel-max1550-x86_64",
      [
        card + "/current_link_width": "8\n",
        card + "/0000:82:01.0/0000:83:00.0/drm/card1/gt/gt1/rps_max_freq_mhz": "1200\n",
      ])
  }

  @Test func intelInventoryAndDriver() async {
    let inventory = await runCheck(
      "gpu.inventory", root: "intel-max1550-x86_64", expect: ["gpus": "2", "gpu-model": "Max 1550"])
    #expect(inventory.outcome == .pass, "\(inventory.items)")
    let driver = await runCheck("gpu.driver", root: "intel-max1550-x86_64")
    #expect(driver.outcome == .pass, "\(driver.items)")
  }
}
