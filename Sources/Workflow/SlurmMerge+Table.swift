import Reporting
import TMTModel

extension SlurmMerge {
  /// The node × test table: one row per node, one column per test (plan and test name as the header), each cell
  /// the outcome (`errr` for error, as in tmt's display).
  package func table() -> [String] {
    var columns: [String] = []
    var seen: Set<String> = []
    var rows: [String: [String: ResultOutcome]] = [:]
    var nodes: [String] = []
    let several = Set(entries.map(\.plan)).count > 1
    for entry in entries {
      if rows[entry.node] == nil { nodes.append(entry.node) }
      for result in entry.results {
        let column = several ? entry.plan + result.name : result.name
        if seen.insert(column).inserted { columns.append(column) }
        rows[entry.node, default: [:]][column] = result.result
      }
    }
    let first = max(4, nodes.map(\.count).max() ?? 0)
    var lines = [(["node".padded(first)] + columns.map { $0.padded(4) }).joined(separator: "  ")]
    for node in nodes {
      let cells = columns.map { column in
        (rows[node]?[column].map(Display.label) ?? "-").padded(max(4, column.count))
      }
      lines.append(([node.padded(first)] + cells).joined(separator: "  "))
    }
    return lines
  }

  /// One line per node with a fail, warn or error: the node, the worst outcome, the first such test and its first
  /// note (what an admin drains).
  package func failingNodes() -> [String] {
    var lines: [String] = []
    var order: [String] = []
    var bad: [String: [(TestResult, String?)]] = [:]
    for entry in entries {
      if bad[entry.node] == nil { order.append(entry.node) }
      bad[entry.node, default: []] += entry.results.filter { [.fail, .warn, .error].contains($0.result) }
        .map { ($0, $0.note.first { !$0.isEmpty } ?? entry.reasons[$0.name].flatMap { $0.isEmpty ? nil : $0 }) }
    }
    for node in order {
      guard let results = bad[node], !results.isEmpty else { continue }
      let worst = [ResultOutcome.error, .fail, .warn].first { outcome in results.contains { $0.0.result == outcome } }!
      let (first, reason) = results.first { $0.0.result == worst }!
      let note = reason.map { ": " + $0 } ?? ""
      let more = results.count > 1 ? " (+\(results.count - 1) more)" : ""
      lines.append("\(node): \(worst.rawValue) \(first.name)\(note)\(more)")
    }
    return lines
  }
}

extension String {
  fileprivate func padded(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
