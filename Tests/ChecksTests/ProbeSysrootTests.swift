import Testing

@testable import Checks

/// The checks against the probe's sysroot fixtures (`Tests/Sysroots`, made by scripts/make-fixtures), which model
/// the same targets with their own layout: the faults their READMEs list must each fail with the right message.
@Suite("Checks on the probe's sysroots")
struct ProbeSysrootTests {
  static let nightly = ["gpus": "4", "gpu-model": "A30", "numvfs": "mlx5_0=8", "ib-ports": "mlx5_0/1"]

  @Test(arguments: [
    "gpu.inventory", "gpu.driver", "gpu.pcie-link", "gpu.aer", "rdma.port-state", "rdma.port-rate", "rdma.sm",
    "rdma.counters", "rdma.pcie-link", "rdma.sriov-vfs", "crosstalk.gpudirect",
  ])
  func healthyTreePasses(check: String) async {
    let result = await runCheck(check, root: "a30-cx6-aarch64", expect: Self.nightly)
    #expect(result.outcome == .pass, "\(result.items)")
  }

  @Test func healthyTreeHasAGPUOnTheOtherSocket() async {
    let strict = await runCheck("crosstalk.affinity", root: "a30-cx6-aarch64")
    #expect(
      strict.item("0001:01:00.0-0000:05:00.0")?.message
        == "0001:01:00.0 ↔ 0000:05:00.0: path SYS, NUMA 1 / 0: no adapter on NUMA node 1, the nearest is SYS")
    #expect(strict.item("0001:01:00.0-0000:05:00.0")?.outcome == .info)
    #expect(strict.item("0000:06:00.0-0000:05:00.0")?.message == "0000:06:00.0 ↔ 0000:05:00.0: path PHB, NUMA 0 / 0")
  }

  @Test func faultyPortDownPolling() async {
    let result = await runCheck("rdma.port-state", root: "a30-cx6-aarch64-faulty", expect: Self.nightly)
    #expect(
      result.items == [
        CheckItem("mlx5_0/1", .fail, "mlx5_0/1: state DOWN, physical state Polling, expected ACTIVE, LinkUp"),
        CheckItem("mlx5_1/1", .skip, "mlx5_1/1: not in ib-ports (mlx5_0/1), not judged"),
      ])
  }

  @Test func virtualFunctionPortsAreLeftToTheSRIOVChecks() async {
    // /sys/class/infiniband/mlx5_N are links; each device's `device` link (`../..`) resolves from the real directory.
    let result = await runCheck("rdma.port-state", root: "a30-cx6-aarch64-faulty")
    #expect(result.items.map(\.name) == ["mlx5_0/1", "mlx5_1/1"])
  }

  @Test func faultyLinkAtX8WithCorrectableAER() async {
    let link = await runCheck("gpu.pcie-link", root: "a30-cx6-aarch64-faulty")
    #expect(link.item("0000:04:00.0")?.message == "0000:04:00.0: PCIe link 16.0 GT/s x8, expected 16.0 GT/s x16")
    let aer = await runCheck("gpu.aer", root: "a30-cx6-aarch64-faulty")
    #expect(aer.item("0000:04:00.0")?.outcome == .warn)
    #expect(
      aer.item("0000:04:00.0")?.message
        == "0000:04:00.0: AER fatal 0, non-fatal 0, correctable 12, expected at most 0 correctable")
  }

  @Test func faultyZeroGUID() async {
    let result = await runCheck("rdma.sriov-vfs", root: "a30-cx6-aarch64-faulty")
    #expect(
      result.items.filter { $0.outcome == .fail } == [
        CheckItem(
          "0000:05:00.5", .fail, "0000:05:00.5 (VF 3): GUID 0000:0000:0000:0000 is zero, expected a non-zero GUID")
      ])
  }

  @Test func faultyNUMAMismatchAndACS() async {
    let affinity = await runCheck(
      "crosstalk.affinity", root: "a30-cx6-aarch64-faulty", expect: ["allow-sys": "yes"])
    #expect(
      affinity.item("0000:03:00.0-0000:05:00.0")?.message
        == "0000:03:00.0 ↔ 0000:05:00.0: path PIX, NUMA 1 / 0, expected the same NUMA node for a PIX path "
        + "(NUMA affinity misreported?)")
    let acs = await runCheck("crosstalk.acs", root: "a30-cx6-aarch64-faulty")
    #expect(
      acs.item("0000:06:00.0-0000:05:00.0")?.message
        == "0000:06:00.0-0000:05:00.0: ACS redirect on 0000:02:02.0 RR+CR+UF, expected none on the path")
  }

  @Test func intelCardsOnTheirUpstreamPorts() async {
    let result = await runCheck("gpu.pcie-link", root: "intel-max1550-x86_64")
    #expect(result.outcome == .pass)
    #expect(
      result.items.allSatisfy {
        $0.message.contains("(upstream port") && $0.message.contains("32.0 GT/s x16, expected 32.0 GT/s x16")
      })
    #expect(await runCheck("gpu.intel-tiles", root: "intel-max1550-x86_64").outcome == .pass)
  }

  @Test(arguments: ["gpu.inventory", "gpu.driver", "gpu.pcie-link"])
  func realH200(check: String) async {
    #expect(await runCheck(check, root: "h200-x86_64").outcome == .pass)
  }
}
