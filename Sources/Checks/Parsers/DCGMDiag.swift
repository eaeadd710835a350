/// `dcgmi diag` results: DCGM 3 text tables, DCGM 3 JSON (`DCGM GPU Diagnostic`) and DCGM 4 JSON.
package struct DCGMDiag: Sendable, Hashable {
  /// One test's result for one GPU (or for all GPUs when `entity` is nil).
  package struct Entry: Sendable, Hashable {
    /// The test name, e.g. `PCIe`, `diagnostic`.
    package var test: String
    /// The GPU id, nil for whole-system results.
    package var entity: String?
    /// The outcome.
    package var outcome: CheckOutcome
    /// Warnings or details.
    package var detail: String
  }

  /// The entries in output order.
  package var entries: [Entry]
  /// `DCGM Version` (from text output's metadata), when present.
  package var version: String?

  /// Maps `Pass`, `PASS`, `Pass - All`, `Fail`, `Warn`, `Skip`, `Not Run` to an outcome.
  package static func outcome(_ status: String) -> CheckOutcome? {
    let word = status.trimmed.lowercased()
    if word.hasPrefix("pass") { return .pass }
    if word.hasPrefix("fail") { return .fail }
    if word.hasPrefix("warn") { return .warn }
    if word.hasPrefix("skip") || word.hasPrefix("not run") { return .skip }
    return nil
  }

  /// Parses JSON when the output holds a JSON value, else the text table.
  package init(parsing text: String) {
    if let json = JSONValue.parse(text), !Self.jsonEntries(json).isEmpty {
      entries = Self.jsonEntries(json)
      version = json["version"]?.text
    } else {
      (entries, version) = Self.textEntries(text)
    }
  }

  static func jsonEntries(_ json: JSONValue) -> [Entry] {
    json.allObjects.flatMap { object -> [Entry] in
      guard let name = object["name"]?.text, case .array(let results)? = object["results"] else { return [] }
      return results.compactMap { result in
        guard let status = result["status"]?.text, let outcome = outcome(status) else { return nil }
        let entity = result["entity_id"]?.text ?? result["gpu_id"]?.text ?? result["gpu_ids"]?.text
        let warnings = result["warnings"]?.elements.compactMap { $0["message"]?.text ?? $0.text } ?? []
        let detail = warnings.isEmpty ? (result["warnings"]?.text ?? "") : warnings.joined(separator: "; ")
        return Entry(test: name, entity: entity, outcome: outcome, detail: detail)
      }
    }
  }

  static func textEntries(_ text: String) -> ([Entry], String?) {
    var entries: [Entry] = []
    var version: String?
    for line in text.lines where line.hasPrefix("|") && !line.hasPrefix("|---") && !line.hasPrefix("|===") {
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmed }
      guard cells.count >= 3 else { continue }
      let (name, value) = (cells[1], cells[2])
      if name == "DCGM Version" { version = value }
      if let status = outcome(value), !name.isEmpty, name != "Diagnostic" {
        entries.append(Entry(test: name, entity: nil, outcome: status, detail: value))
      } else if !entries.isEmpty, name == "Warning" || name.isEmpty, !value.isEmpty {
        let last = entries.count - 1
        let separator = entries[last].detail.hasSuffix("-") || entries[last].detail.isEmpty ? "" : " "
        entries[last].detail += (name == "Warning" ? ": " : separator) + value
      }
    }
    return (entries, version)
  }

  /// One sub-result per test (and GPU): Fail fails, Warn warns, Skip skips.
  package var items: [CheckItem] {
    entries.map { entry in
      let name = entry.entity.map { "\(entry.test)/GPU \($0)" } ?? entry.test
      let detail = entry.detail.isEmpty ? entry.outcome.rawValue : entry.detail
      return CheckItem(name, entry.outcome, "\(name): \(detail)\(entry.outcome == .fail ? ", expected Pass" : "")")
    }
  }
}
