import Testing

@testable import Checks

/// Checks run against the fixture sysroots (real H200; generated A30 + ConnectX-6 and Intel Max 1550 trees).
@Suite("Checks on fixture sysroots")
struct SysrootCheckTests {
  static let healthyA30 = [
    "gpu.inventory", "gpu.driver", "gpu.pcie-link", "gpu.aer", "rdma.inventory", "rdma.port-state", "rdma.port-rate",
    "rdma.sm", "rdma.counters", "rdma.pcie-link", "rdma.sriov-numvfs", "rdma.sriov-vfs", "crosstalk.affinity",
    "crosstalk.acs", "crosstalk.gpudirect",
  ]

  @Test(arguments: healthyA30)
  func healthyA30Passes(check: String) async {
    let result = await runCheck(
      check, root: "a30-cx6-aarch64", expect: ["gpus": "4", "gpu-model": "A30", "numvfs": "4"])
    #expect(result.outcome == .pass, "\(result.items)")
  }

  @Test func faultyLinkAtX8() async {
    let result = await runCheck("gpu.pcie-link", root: "a30-cx6-aarch64-faulty")
    #expect(result.outcome == .fail)
    #expect(result.item("0000:41:00.0")?.message == "0000:41:00.0: PCIe link 16.0 GT/s x8, expected 16.0 GT/s x16")
    #expect(result.item("0000:03:00.0")?.outcome == .pass)
  }

  @Test func faultyPortDown() async {
    let result = await runCheck("rdma.port-state", root: "a30-cx6-aarch64-faulty")
    #expect(
      result.item("mlx5_0/1")?.message == "mlx5_0/1: state DOWN, physical state Disabled, expected ACTIVE, LinkUp")
    #expect(result.item("mlx5_0/1")?.outcome == .fail)
    let sm = await runCheck("rdma.sm", root: "a30-cx6-aarch64-faulty")
    #expect(
      sm.item("mlx5_0/1")?.message == "mlx5_0/1: lid 0x0, sm_lid 0x0, expected a LID assigned by a subnet manager")
  }

  @Test func faultyZeroGUID() async {
    let result = await runCheck("rdma.sriov-vfs", root: "a30-cx6-aarch64-faulty")
    #expect(result.outcome == .fail)
    #expect(
      result.item("0000:04:00.2")?.message
        == "0000:04:00.2 (VF 1): GUID 0000:0000:0000:0000 is zero, expected a non-zero GUID")
    #expect(result.items.filter { $0.outcome == .fail }.count == 1)
  }

  @Test func faultyNUMAAffinity() async {
    let result = await runCheck("crosstalk.affinity", root: "a30-cx6-aarch64-faulty")
    #expect(result.outcome == .fail)
    #expect(
      result.item("0000:03:00.0-0000:04:00.0")?.message
        == "0000:03:00.0 ↔ 0000:04:00.0: path PIX, NUMA 0 / 1, expected the same NUMA node")
  }

  @Test func healthyPathClasses() async {
    let result = await runCheck("crosstalk.affinity", root: "a30-cx6-aarch64")
    #expect(result.item("0000:03:00.0-0000:04:00.0")?.message == "0000:03:00.0 ↔ 0000:04:00.0: path PIX, NUMA 0 / 0")
    #expect(result.item("0000:41:00.0-0000:04:00.0")?.message == "0000:41:00.0 ↔ 0000:04:00.0: path NODE, NUMA 0 / 0")
  }

  @Test func faultyACSRedirect() async {
    let result = await runCheck("crosstalk.acs", root: "a30-cx6-aarch64-faulty")
    #expect(
      result.item("0000:03:00.0-0000:04:00.0")?.message
        == "0000:03:00.0-0000:04:00.0: ACS redirect on 0000:02:01.0 RR+CR, expected none on the path")
  }

  @Test func faultyAERAndGPUDirect() async {
    let aer = await runCheck("gpu.aer", root: "a30-cx6-aarch64-faulty")
    #expect(
      aer.item("0000:03:00.0")?.message
        == "0000:03:00.0: AER fatal 0, non-fatal 2, correctable 0, expected no uncorrectable errors")
    let gdr = await runCheck("crosstalk.gpudirect", root: "a30-cx6-aarch64-faulty")
    #expect(gdr.outcome == .pass, "the open module 550 gives dma-buf even without nvidia_peermem")
  }

  @Test func numVFsAgainstExpected() async {
    let result = await runCheck("rdma.sriov-numvfs", root: "a30-cx6-aarch64", expect: ["numvfs": "8"])
    #expect(result.item("0000:04:00.0")?.message == "0000:04:00.0 (mlx5_0): 4 VFs of 8, 4 present, expected 8")
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

  @Test func intelUpstreamPortLink() async {
    let healthy = await runCheck("gpu.pcie-link", root: "intel-max1550-x86_64")
    #expect(healthy.outcome == .pass)
    #expect(
      healthy.item("0000:03:00.0")?.message
        == "0000:03:00.0 (upstream port 0000:01:00.0): PCIe link 32.0 GT/s x16, expected 32.0 GT/s x16")
    let faulty = await runCheck("gpu.pcie-link", root: "intel-max1550-x86_64-x8")
    #expect(
      faulty.item("0000:83:00.0")?.message
        == "0000:83:00.0 (upstream port 0000:81:00.0): PCIe link 32.0 GT/s x8, expected 32.0 GT/s x16")
  }

  @Test func intelTiles() async {
    #expect(await runCheck("gpu.intel-tiles", root: "intel-max1550-x86_64").outcome == .pass)
    let faulty = await runCheck("gpu.intel-tiles", root: "intel-max1550-x86_64-x8")
    #expect(faulty.item("0000:83:00.0")?.message == "0000:83:00.0: gt1 max frequency 1200 MHz, expected 1600 MHz (RP0)")
    let count = await runCheck("gpu.intel-tiles", root: "intel-max1550-x86_64", expect: ["gpu-tiles": "1"])
    #expect(count.item("0000:03:00.0")?.message == "0000:03:00.0: 2 tiles, expected 1")
  }

  @Test func intelInventoryAndDriver() async {
    let inventory = await runCheck(
      "gpu.inventory", root: "intel-max1550-x86_64", expect: ["gpus": "2", "gpu-model": "Max 1550"])
    #expect(inventory.outcome == .pass, "\(inventory.items)")
    let driver = await runCheck("gpu.driver", root: "intel-max1550-x86_64")
    #expect(driver.outcome == .pass, "\(driver.items)")
  }
}
