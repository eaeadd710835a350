import Reporting
import TMTModel

extension SlurmMerge {
  /// The node × test table: one row per node, one column per test (plan and test name as the header), each cell
  /// the outcome (`errr` for error, as in tmt's display).
  package func table() -> [String] {
    var columns: [String] = []
    // Column per plan and test name; a node's row is its outcome per column (nil: never reported).
    var index: [String: [String: Int]] = [:]
    var rows: [(node: String, cells: [ResultOutcome?])] = []
    var row: [String: Int] = [:]
    let several = Set(entries.map(\.plan)).count > 1
    for entry in entries {
      if row[entry.node] == nil {
        row[entry.node] = rows.count
        rows.append((entry.node, []))
      }
      let slot = row[entry.node]!
      // By index: a result is read in place, never copied whole.
      for position in entry.results.indices {
        let name = entry.results[position].name
        let column = index[entry.plan, default: [:]][name] ?? columns.count
        if column == columns.count {
          columns.append(several ? entry.plan + name : name)
          index[entry.plan, default: [:]][name] = column
        }
        while rows[slot].cells.count <= column { rows[slot].cells.append(nil) }
        rows[slot].cells[column] = entry.results[position].result
      }
    }
    let first = max(4, rows.map { $0.node.count }.max() ?? 0)
    let widths = columns.map { max(4, $0.count) }
    var lines = [(["node".padded(first)] + columns.map { $0.padded(4) }).joined(separator: "  ")]
    for (node, cells) in rows {
      let texts = widths.indices.map { column in
        ((column < cells.count ? cells[column] : nil).map(Display.label) ?? "-").padded(widths[column])
      }
      lines.append(([node.padded(first)] + texts).joined(separator: "  "))
    }
    return lines
  }

  /// One line per node with a fail, warn or error: the node, the worst outcome, the first such test and its first
  /// note (what an admin drains).
  package func failingNodes() -> [String] {
    var lines: [String] = []
    var order: [String] = []
    var bad: [String: [(name: String, outcome: ResultOutcome, reason: String?)]] = [:]
    for entry in entries {
      if bad[entry.node] == nil { order.append(entry.node) }
      bad[entry.node, default: []] += Self.failures(entry)
    }
    for node in order {
      guard let results = bad[node], !results.isEmpty else { continue }
      let worst = [ResultOutcome.error, .fail, .warn].first { outcome in results.contains { $0.outcome == outcome } }!
      let (name, _, reason) = results.first { $0.outcome == worst }!
      let note = reason.map { ": " + $0 } ?? ""
      let more = results.count > 1 ? " (+\(results.count - 1) more)" : ""
      lines.append("\(node): \(worst.rawValue) \(name)\(note)\(more)")
    }
    return lines
  }

  /// The entry's fail, warn and error results: name, outcome and first note (or the reason its node sent), read
  /// in place (no result is copied whole).
  private static func failures(_ entry: Entry) -> [(name: String, outcome: ResultOutcome, reason: String?)] {
    var found: [(name: String, outcome: ResultOutcome, reason: String?)] = []
    for position in entry.results.indices {
      let outcome = entry.results[position].result
      guard outcome == .fail || outcome == .warn || outcome == .error else { continue }
      let name = entry.results[position].name
      let note = entry.results[position].note.first { !$0.isEmpty }
      found.append((name, outcome, note ?? entry.reasons[name].flatMap { $0.isEmpty ? nil : $0 }))
    }
    return found
  }
}

extension String {
  fileprivate func padded(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
