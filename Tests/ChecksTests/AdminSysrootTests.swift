import HPCBasics
import Testing

@testable import Checks

/// The admin's view on whole trees: cards and ports of the A30 node and of the Intel node's E810 (irdma, RoCE),
/// and faults made in copies of the shared trees.
@Suite("Admin judgement on fixture sysroots")
struct AdminSysrootTests {
  @Test func theDualPortConnectX6IsOneAdapter() async {
    let result = await runCheck("rdma.inventory", root: "a30-cx6-aarch64", expect: ["adapters": "1"])
    #expect(result.outcome == .pass, "\(result.items)")
    #expect(
      result.item("0000:05:00.0")?.message
        == "0000:05:00.0: ConnectX-6 (15b3:101b): 0000:05:00.0, 0000:05:00.1 (mlx5_0, mlx5_1)")
    #expect(result.item("count")?.message == "found 1 adapter, expected 1")
    let two = await runCheck("rdma.inventory", root: "a30-cx6-aarch64", expect: ["adapters": "2"])
    #expect(two.item("count")?.message == "found 1 adapter, expected 2")
  }

  @Test(arguments: ["rdma.inventory", "rdma.port-state", "rdma.port-rate", "rdma.sm", "rdma.pcie-link"])
  func theIntelE810WithIrdmaIsAnAdapter(check: String) async {
    let result = await runCheck(
      check, root: "intel-max1550-x86_64", expect: ["adapters": "1", "ib-ports": "irdma0/1", "ib-rate": "100"])
    #expect(result.outcome != .fail && result.outcome != .error, "\(result.items)")
    #expect(!result.items.isEmpty)
    if check == "rdma.inventory" { #expect(result.item("count")?.message == "found 1 adapter, expected 1") }
    if check == "rdma.port-state" { #expect(result.item("irdma0/1")?.outcome == .pass) }
    if check == "rdma.sm" { #expect(result.item("irdma0/1")?.outcome == .skip, "RoCE has no subnet manager") }
  }

  @Test func theIntelGPUsAreJudgedAgainstTheE810() async {
    let result = await runCheck("crosstalk.affinity", root: "intel-max1550-x86_64")
    #expect(result.items.count == 2, "\(result.items)")
    #expect(result.outcome != .fail, "\(result.items)")
  }

  /// A VF count the site asks for on PF1, which has none: a failure only because the site names it.
  @Test func vfsAskedForOnTheSiblingPF() async {
    let named = await runCheck("rdma.sriov-numvfs", root: "a30-cx6-aarch64", expect: ["numvfs": "mlx5_0=8,mlx5_1=4"])
    #expect(named.item("0000:05:00.1")?.message == "0000:05:00.1 (mlx5_1): 0 VFs of 16, 0 present, expected 4")
    #expect(named.outcome == .fail)
  }

  /// sriov_numvfs says 4 on PF1 but no VF exists: configured VFs must be present.
  @Test func configuredVFsMissing() async throws {
    let file = "/sys/bus/pci/devices/0000:05:00.1/sriov_numvfs"
    let root = try #require(Fixture.mutated("a30-cx6-aarch64", [file: "4\n"]))
    defer { _ = FileSystem.removeTree(Path.dirname(root.path)) }
    let result = await runCheck("rdma.sriov-numvfs", on: root)
    #expect(result.item("0000:05:00.1")?.outcome == .fail, "\(result.items)")
    #expect(
      result.item("0000:05:00.1")?.message
        == "0000:05:00.1 (mlx5_1): 4 VFs of 16, 0 present, expected every enabled VF present")
  }

  /// The second port polling (cabled, no link): expected up by default, so it fails.
  @Test func pollingSecondPortFails() async throws {
    let file = "/sys/class/infiniband/mlx5_1/ports/1/phys_state"
    let root = try #require(Fixture.mutated("a30-cx6-aarch64", [file: "2: Polling\n"]))
    defer { _ = FileSystem.removeTree(Path.dirname(root.path)) }
    let result = await runCheck("rdma.port-state", on: root)
    #expect(result.item("mlx5_1/1")?.outcome == .fail, "\(result.items)")
    let listed = await runCheck("rdma.port-state", on: root, expect: ["ib-ports": "mlx5_0/1"])
    #expect(listed.item("mlx5_1/1")?.outcome == .skip)
  }
}
