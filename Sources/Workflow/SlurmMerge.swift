import HPCBasics
import Reporting
public import TMTModel

/// The results of a sweep, per plan and node, made from what the nodes sent back (`SlurmFrames`). A node that
/// stopped before reporting its end turns its unfinished (`pending`) tests into `error` naming the node; a node
/// that sent nothing gets one `error` result per plan. Every result carries `guest: {name: NODE}`.
package struct SlurmMerge: Sendable {
  /// One plan on one node.
  package struct Entry: Sendable {
    /// The plan name.
    package var plan: String
    /// The node name.
    package var node: String
    /// Its results in results.yaml order.
    package var results: [TestResult]
    /// Test name → the first line of its failures.yaml (why it failed), for the tests that have one.
    package var reasons: [String: String] = [:]
    /// The results.yaml to write: the node's own text with only the guest lines rewritten; nil when the results
    /// changed here (lost tests) or the text is not hpctest's layout, and `results` must be rendered.
    package var text: String?
  }

  /// Every plan × node, nodes in allocation order, plans in the order given.
  package var entries: [Entry] = []

  /// Merges `frames` for `plans` over `nodes` (the allocation's nodes; nodes seen only in the output follow).
  package init(frames: SlurmFrames, plans: [String], nodes: [String]) {
    self.init(entries: Self.pairs(frames, plans, nodes).map { Self.entry($0.plan, $0.node, frames) })
  }

  /// As `init(frames:plans:nodes:)`, reading the nodes' results on every core (each plan × node is independent).
  package static func merging(frames: SlurmFrames, plans: [String], nodes: [String]) -> SlurmMerge {
    SlurmMerge(entries: Parallel.map(Self.pairs(frames, plans, nodes)) { Self.entry($0.plan, $0.node, frames) })
  }

  private init(entries: [Entry]) {
    self.entries = entries
    // By index: each result read in place, not copied (40,000 of them in a large sweep).
    for entry in entries {
      for position in entry.results.indices { counts.add(entry.results[position].result) }
    }
  }

  /// Every plan × node: nodes in allocation order (then those seen only in the output), plans in the order given.
  private static func pairs(
    _ frames: SlurmFrames, _ plans: [String], _ nodes: [String]
  ) -> [(plan: String, node: String)] {
    let known = Set(nodes)
    let all = nodes + frames.order.filter { !known.contains($0) }
    return plans.flatMap { plan in all.map { (plan, $0) } }
  }

  /// One plan on one node, with the reasons the node sent for its failed tests.
  private static func entry(_ plan: String, _ node: String, _ frames: SlurmFrames) -> Entry {
    let (results, text) = Self.results(plan, node, frames)
    let reasons = frames.nodes[node]?.reasons ?? [:]
    var entry = Entry(plan: plan, node: node, results: results, text: text)
    for result in results where !reasons.isEmpty {
      if let text = result.log.lazy.compactMap({ reasons[plan + "\t" + $0] }).first {
        entry.reasons[result.name] = text
      }
    }
    return entry
  }

  /// The node's results for `plan` and, when they are as the node wrote them, its text with the guest rewritten.
  private static func results(_ plan: String, _ node: String, _ frames: SlurmFrames) -> ([TestResult], String?) {
    let state = frames.nodes[node]
    let guest = ResultGuest(name: node, primaryAddress: node)
    let reason = state.map { Self.reason($0, node) } ?? "node \(node) sent no results"
    guard let text = state?.plans.first(where: { $0.plan == plan })?.text,
      var results = try? ResultsYAML.readFast(text, file: "\(node):\(plan)/execute/results.yaml")
    else {
      var lost = TestResult.pending(name: plan, serialNumber: 1, guest: guest)
      lost.result = .error
      lost.originalResult = .error
      lost.note = [reason]
      return ([lost], nil)
    }
    let finished = state?.exitCode != nil
    var changed = false
    for index in results.indices {
      results[index].guest = guest
      if !finished && results[index].result == .pending {
        results[index].result = .error
        results[index].originalResult = .error
        results[index].note.append(reason)
        changed = true
      }
    }
    return (results, changed ? nil : ResultsYAML.replacingGuests(in: text, with: guest, count: results.count))
  }

  private static func reason(_ state: SlurmFrames.Node, _ node: String) -> String {
    if let failure = state.failure { return "node \(node): \(failure)" }
    let last = state.messages.last.map { " (\($0))" } ?? ""
    return "node \(node) stopped before the test finished\(last)"
  }

  /// The outcomes of every result of every node and plan (the exit code and the summary both read them).
  package private(set) var counts = OutcomeCounts()

  /// tmt's exit code over all nodes.
  package var exitCode: Int32 { RunExitCode.code(counts) }

  /// One JUnit document: a `<testsuite>` named `PLAN @ NODE` per plan and node (made and rendered on every core).
  /// The logs stayed on the nodes, so a test's failure text is the first line of its failures.yaml that the node
  /// sent, and its output is empty.
  package func junit() -> String {
    JUnit.document(
      Parallel.map(entries) { entry in
        JUnitSuite(
          name: "\(entry.plan) @ \(entry.node)",
          cases: entry.results.map { result in
            JUnitCase(
              name: result.name, outcome: result.result, seconds: Timestamp.seconds(ofClock: result.duration ?? ""),
              failureLines: entry.reasons[result.name].map { [$0] } ?? [], systemOut: result.log.first.map { _ in "" })
          })
      })
  }
}
