/// `nvidia-smi --query-gpu=<fields> --format=csv` output: one row per GPU keyed by field name.
package struct NvidiaSMIQuery: Sendable, Hashable {
  /// The fields this project queries, in order (those of the recorded H200 fixture).
  package static let fields = [
    "index", "pci.bus_id", "name", "uuid", "serial", "vbios_version", "driver_version", "persistence_mode",
    "ecc.mode.current", "ecc.errors.uncorrected.volatile.total", "ecc.errors.corrected.aggregate.total",
    "retired_pages.pending", "remapped_rows.pending", "remapped_rows.failure", "pcie.link.gen.current",
    "pcie.link.gen.max", "pcie.link.width.current", "pcie.link.width.max", "clocks_event_reasons.active",
    "temperature.gpu", "temperature.memory", "power.draw", "power.limit", "memory.total", "mig.mode.current",
    "fabric.state", "gpu_recovery_action",
  ]

  /// The argv that produces this output.
  package static let argv = ["nvidia-smi", "--query-gpu=" + fields.joined(separator: ","), "--format=csv"]

  /// One row per GPU: field name (units such as ` [W]` removed) → value.
  package var rows: [[String: String]]

  /// Parses CSV with a header line; lines without commas (e.g. a trailing `rc=0`) are ignored.
  package init(parsing text: String) {
    let lines = text.lines.filter { $0.contains(",") }
    guard let header = lines.first else {
      rows = []
      return
    }
    let names = header.split(separator: ",").map { String($0).before("[") }
    rows = lines.dropFirst().map { line in
      let values = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmed }
      return Dictionary(zip(names, values).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
    }
  }

  /// The rows as GPU health facts.
  package var gpus: [NvidiaGPUHealth] { rows.map(NvidiaGPUHealth.init(row:)) }

  /// `00000000:3B:00.0` → `0000:3b:00.0` (sysfs form).
  package static func normalizeBusID(_ text: String) -> String {
    let lower = text.lowercased()
    let parts = lower.split(separator: ":", maxSplits: 1)
    guard parts.count == 2, parts[0].count == 8 else { return lower }
    return String(parts[0].suffix(4)) + ":" + parts[1]
  }
}

/// One GPU's health fields from `nvidia-smi --query-gpu`.
package struct NvidiaGPUHealth: Sendable, Hashable {
  /// The PCI address in sysfs form.
  package var address: String
  /// The product name.
  package var name: String
  /// The raw field values.
  package var fields: [String: String]

  /// Creates the facts from a parsed row.
  package init(row: [String: String]) {
    address = NvidiaSMIQuery.normalizeBusID(row["pci.bus_id"] ?? "?")
    name = row["name"] ?? "?"
    fields = row
  }

  /// An integer field (nil for `[N/A]`, `N/A`, `[Not Supported]`).
  package func int(_ field: String) -> Int? { fields[field]?.integerValue }

  /// A number field with its unit dropped (`84.92 W` → 84.92).
  package func number(_ field: String) -> Double? {
    guard let text = fields[field], !text.contains("N/A"), !text.contains("Not Supported") else { return nil }
    return text.leadingNumber
  }

  /// A Yes/No field (nil when not applicable).
  package func flag(_ field: String) -> Bool? {
    switch fields[field]?.lowercased() {
    case "yes": true
    case "no": false
    default: nil
    }
  }

  /// The text of a field.
  package func text(_ field: String) -> String? { fields[field] }
}
