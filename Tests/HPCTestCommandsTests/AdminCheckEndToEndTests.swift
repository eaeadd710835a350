import HPCBasics
import Testing

/// `hpctest check` (the built binary) on the healthy and faulty A30 trees and the Intel tree, with the nightly-a30
/// site facts in a site file: the healthy tree passes, the faulty one fails on each planted fault, the Intel E810
/// (irdma, RoCE) is an adapter.
@Suite struct AdminCheckEndToEndTests {
  static let a30Site = """
    defaults:
      gpus: 4
      gpu-model: A30
      adapters: 1
      adapter-model: ConnectX-6
      ib-rate: 200
      numvfs: {mlx5_0: 8}
    """

  static let a30: [(String, Int32, Int32)] = [
    ("rdma.inventory", 0, 0), ("rdma.port-state", 0, 1), ("rdma.port-rate", 0, 1), ("rdma.sm", 0, 1),
    ("rdma.sriov-numvfs", 0, 0), ("rdma.sriov-vfs", 0, 1), ("crosstalk.affinity", 0, 1), ("crosstalk.acs", 0, 1),
    ("gpu.pcie-link", 0, 1), ("gpu.inventory", 0, 0),
  ]

  @Test(arguments: a30)
  func a30Trees(check: String, healthy: Int32, faulty: Int32) {
    let site = ExpectationValidationTests.siteFile(Self.a30Site)
    defer { FileSystem.removeTree(Path.dirname(site)) }
    for (tree, status) in [("a30-cx6-aarch64", healthy), ("a30-cx6-aarch64-faulty", faulty)] {
      let outcome = EndToEndTests.hpctest(
        ["--sysroot", EndToEndTests.sysroots + "/" + tree, "check", check, "--site", site])
      #expect(outcome.status == status, "\(tree): \(outcome.output)")
    }
  }

  @Test(arguments: [
    ("rdma.inventory", "pass  found 1 adapter, expected 1"), ("rdma.port-state", "pass  irdma0/1: state ACTIVE"),
    ("rdma.sm", "skip  irdma0/1: link layer Ethernet"), ("crosstalk.affinity", "pass  0000:03:00.0 ↔ 0000:10:00.0"),
  ])
  func intelTree(check: String, line: String) {
    let outcome = EndToEndTests.hpctest(
      ["--sysroot", EndToEndTests.sysroots + "/intel-max1550-x86_64", "check", check, "--expect", "adapters=1"])
    #expect(outcome.status == 0, "\(outcome.output)")
    #expect(outcome.output.contains(line), "\(outcome.output)")
  }
}
