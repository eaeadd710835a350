import Testing
import Workflow

/// NHC's drain/resume rules with `hpctest:` reasons, and reading `scontrol show node`.
@Suite struct HealthSlurmPolicyTests {
  /// Recorded from `scontrol show node n1` (Slurm 22.05.8, scripts/test-cluster) after a drain by hand.
  static let drained = """
    NodeName=n1 Arch=x86_64 CoresPerSocket=1
       CPUAlloc=0 CPUEfctv=4 CPUTot=4 CPULoad=23.14
       AvailableFeatures=a30,gpu
       ActiveFeatures=a30,gpu
       State=IDLE+DRAIN ThreadsPerCore=1 TmpDisk=0 Weight=1 Owner=N/A MCS_label=N/A
       Partitions=debug
       Reason=hpctest: gpu.pcie-link 0000:c1:00.0: x8 [test] [root@2026-12-04T14:17:41]
    """

  @Test func parsesStateReasonAndFeatures() throws {
    let status = try #require(SlurmNodeStatus.parse(Self.drained))
    #expect(status.state == ["IDLE", "DRAIN"])
    #expect(status.reason == "hpctest: gpu.pcie-link 0000:c1:00.0: x8 [test]")
    #expect(status.features == ["a30", "gpu"])
    #expect(status.isOffline)
  }

  @Test func parsesTheOneLineForm() throws {
    let line = Self.drained.split(separator: "\n").map { $0.drop { $0 == " " } }.joined(separator: " ")
    let status = try #require(SlurmNodeStatus.parse(line))
    #expect(status.state == ["IDLE", "DRAIN"])
    #expect(status.reason == "hpctest: gpu.pcie-link 0000:c1:00.0: x8 [test]")
  }

  @Test func anIdleNodeHasNoReasonAndNoFeatures() throws {
    let text = "NodeName=n2 Arch=x86_64\n   AvailableFeatures=(null)\n   State=IDLE ThreadsPerCore=1\n"
    let status = try #require(SlurmNodeStatus.parse(text))
    #expect(status.reason == nil && status.features.isEmpty && !status.isOffline)
    #expect(SlurmNodeStatus.parse("Node n9 not found") == nil)
  }

  struct Case: CustomStringConvertible, Sendable {
    var state: String
    var reason: String?
    var failure: String?
    var expected: HealthSlurmPolicy.Action
    var description: String { "\(state) '\(reason ?? "-")' failure '\(failure ?? "-")'" }
  }

  static let x8 = "gpu.pcie-link 0000:c1:00.0: x8, expected x16"
  static let cases: [Case] = [
    Case(state: "IDLE", reason: nil, failure: x8, expected: .drain(reason: "hpctest: " + x8)),
    Case(state: "ALLOCATED", reason: nil, failure: x8, expected: .drain(reason: "hpctest: " + x8)),
    Case(state: "IDLE+DRAIN", reason: "hpctest: old", failure: x8, expected: .drain(reason: "hpctest: " + x8)),
    Case(
      state: "IDLE+DRAIN", reason: "hpctest: " + x8, failure: x8, expected: .none("already drained: hpctest: " + x8)),
    Case(
      state: "IDLE+DRAIN", reason: "disk swap", failure: x8,
      expected: .none("left alone: offline for another reason (disk swap)")),
    Case(
      state: "DOWN", reason: "Not responding", failure: x8,
      expected: .none("left alone: offline for another reason (Not responding)")),
    Case(state: "IDLE+DRAIN", reason: "hpctest: " + x8, failure: nil, expected: .resume),
    Case(state: "MIXED+DRAIN", reason: "hpctest: timeout", failure: nil, expected: .resume),
    Case(
      state: "IDLE+DRAIN", reason: "disk swap", failure: nil, expected: .none("left alone: offline for another reason")),
    Case(state: "IDLE", reason: nil, failure: nil, expected: .none("healthy")),
    Case(state: "IDLE", reason: "hpctest: stale", failure: nil, expected: .none("healthy")),
  ]

  @Test(arguments: cases) func followsNHCsRules(_ item: Case) {
    let status = SlurmNodeStatus(state: item.state.split(separator: "+").map(String.init), reason: item.reason)
    #expect(HealthSlurmPolicy.action(status: status, failure: item.failure) == item.expected)
  }

  @Test func reasonsAreOneLineAndShortened() {
    #expect(HealthSlurmPolicy.reason("a\nb") == "hpctest: a b")
    let long = HealthSlurmPolicy.reason(String(repeating: "x", count: 1000))
    #expect(long.count == HealthSlurmPolicy.reasonLimit)
    #expect(long.hasPrefix("hpctest: xxx") && long.hasSuffix("..."))
  }

  @Test func scontrolCommandLines() {
    #expect(
      HealthSlurmPolicy.argv(.drain(reason: "hpctest: timeout"), node: "n1")
        == ["scontrol", "update", "NodeName=n1", "State=DRAIN", "Reason=hpctest: timeout"])
    #expect(HealthSlurmPolicy.argv(.resume, node: "n1") == ["scontrol", "update", "NodeName=n1", "State=RESUME"])
    #expect(HealthSlurmPolicy.argv(.none("healthy"), node: "n1") == nil)
  }
}
