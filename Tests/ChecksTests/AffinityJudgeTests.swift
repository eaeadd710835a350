import HardwareProbe
import Testing

@testable import Checks

/// crosstalk.affinity over NUMA layouts: the nearest adapter by path class against the NUMA nodes the kernel
/// reports, with and without a site maximum.
@Suite("GPU↔adapter affinity")
struct AffinityJudgeTests {
  /// A layout: GPUs and adapters as (address, NUMA node), and the path class of each GPU↔adapter pair.
  struct Layout: Sendable, CustomStringConvertible {
    var name: String
    var gpus: [(String, Int?)]
    var adapters: [(String, Int?)]
    var paths: [String: PathClass]
    var description: String { name }

    func judge(maxPath: PathClass?) -> [String: CheckOutcome] {
      let items = TopologyJudge.affinity(
        gpus: gpus.map { AdminJudgeTests.function($0.0, numa: $0.1) },
        adapters: adapters.map { AdminJudgeTests.function($0.0, numa: $0.1) }, maxPath: maxPath,
        path: { paths["\($0.address)-\($1.address)"] ?? .sys })
      return Dictionary(uniqueKeysWithValues: items.map { (String($0.name.prefix(12)), $0.outcome) })
    }
  }

  /// The A30 node: GPU0/1 on the HCA's switch, GPU2 on another root port, GPU3 on the other socket.
  static let a30 = Layout(
    name: "a30", gpus: [("0000:03:00.0", 0), ("0000:04:00.0", 0), ("0000:06:00.0", 0), ("0001:01:00.0", 1)],
    adapters: [("0000:05:00.0", 0)],
    paths: ["0000:03:00.0-0000:05:00.0": .pix, "0000:04:00.0-0000:05:00.0": .pix, "0000:06:00.0-0000:05:00.0": .phb])

  /// GPU0 reports NUMA 1 while the HCA on its switch reports 0 (misreported affinity).
  static let misreported = Layout(
    name: "misreported", gpus: [("0000:03:00.0", 1)], adapters: [("0000:05:00.0", 0)],
    paths: ["0000:03:00.0-0000:05:00.0": .pix])

  /// One HCA per socket, each GPU on its socket's HCA.
  static let twoSockets = Layout(
    name: "two sockets", gpus: [("0000:17:00.0", 0), ("0000:97:00.0", 1)],
    adapters: [("0000:1a:00.0", 0), ("0000:9a:00.0", 1)],
    paths: ["0000:17:00.0-0000:1a:00.0": .pxb, "0000:97:00.0-0000:9a:00.0": .pxb, "0000:17:00.0-0000:9a:00.0": .sys])

  /// An adapter sits on the GPU's NUMA node, but the path points at the other socket's adapter.
  static let pointsAway = Layout(
    name: "points away", gpus: [("0000:97:00.0", 1)], adapters: [("0000:1a:00.0", 0), ("0000:9a:00.0", 1)],
    paths: ["0000:97:00.0-0000:1a:00.0": .node, "0000:97:00.0-0000:9a:00.0": .sys])

  /// A VM without NUMA information.
  static let vm = Layout(name: "vm", gpus: [("0000:00:06.0", nil)], adapters: [("0000:00:07.0", nil)], paths: [:])

  @Test(
    arguments: [
      (
        a30, nil,
        ["0000:03:00.0": CheckOutcome.pass, "0000:04:00.0": .pass, "0000:06:00.0": .pass, "0001:01:00.0": .info]
      ),
      (a30, .node, ["0000:03:00.0": .pass, "0000:04:00.0": .pass, "0000:06:00.0": .pass, "0001:01:00.0": .fail]),
      (a30, .pix, ["0000:03:00.0": .pass, "0000:04:00.0": .pass, "0000:06:00.0": .fail, "0001:01:00.0": .fail]),
      (misreported, nil, ["0000:03:00.0": .fail]),
      (twoSockets, nil, ["0000:17:00.0": .pass, "0000:97:00.0": .pass]),
      (twoSockets, .pxb, ["0000:17:00.0": .pass, "0000:97:00.0": .pass]),
      (pointsAway, nil, ["0000:97:00.0": .fail]),
      (vm, nil, ["0000:00:06.0": .pass]),
      (vm, .phb, ["0000:00:06.0": .fail]),
    ] as [(Layout, PathClass?, [String: CheckOutcome])])
  func affinityOverLayouts(layout: Layout, maxPath: PathClass?, outcomes: [String: CheckOutcome]) {
    #expect(layout.judge(maxPath: maxPath) == outcomes)
  }

  @Test func messagesNameThePathClassAndTheNodes() {
    let gpus = Self.a30.gpus.map { AdminJudgeTests.function($0.0, numa: $0.1) }
    let adapters = [AdminJudgeTests.function("0000:05:00.0", numa: 0)]
    let items = TopologyJudge.affinity(
      gpus: gpus, adapters: adapters, maxPath: nil, path: { Self.a30.paths["\($0.address)-\($1.address)"] ?? .sys })
    #expect(
      items[3].message
        == "0001:01:00.0 ↔ 0000:05:00.0: path SYS, NUMA 1 / 0: no adapter on NUMA node 1, the nearest is SYS")
    let wrong = TopologyJudge.affinity(
      gpus: [AdminJudgeTests.function("0000:03:00.0", numa: 1)], adapters: adapters, maxPath: nil,
      path: { _, _ in .pix })
    #expect(
      wrong[0].message
        == "0000:03:00.0 ↔ 0000:05:00.0: path PIX, NUMA 1 / 0, expected the same NUMA node for a PIX path "
        + "(NUMA affinity misreported?)")
  }
}
