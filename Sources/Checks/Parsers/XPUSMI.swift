/// `xpu-smi` outputs: `discovery -j` (JSON device list) and the `health -l` / `diag` text tables.
package enum XPUSMI {
  /// A device of `xpu-smi discovery -j`.
  package struct Device: Sendable, Hashable {
    /// xpu-smi's device id.
    package var id: String
    /// `device_name`.
    package var name: String
    /// `pci_bdf_address`.
    package var address: String
    /// `pci_device_id` (`0x56c0`).
    package var pciDeviceID: String
  }

  /// The devices of `xpu-smi discovery -j`, nil when the output holds no JSON.
  package static func discovery(_ text: String) -> [Device]? {
    guard let json = JSONValue.parse(text) else { return nil }
    let list = json["device_list"]?.elements ?? (json["pci_bdf_address"] != nil ? [json] : [])
    return list.map { device in
      Device(
        id: device["device_id"]?.text ?? "?", name: device["device_name"]?.text ?? "?",
        address: device["pci_bdf_address"]?.text ?? "?", pciDeviceID: device["pci_device_id"]?.text ?? "?")
    }
  }

  /// One row of a `health` or `diag` table: device, component, status and the other lines of the cell.
  package struct Row: Sendable, Hashable {
    /// The device id of the table the row belongs to.
    package var device: String
    /// The component or test, e.g. `1. GPU Core Temperature`, `Software Library`.
    package var component: String
    /// `Status: Ok` / `Result: Pass` value.
    package var status: String
    /// The remaining lines (description, message).
    package var detail: String
  }

  /// The component rows of `health -l` or `diag -l N` text output.
  package static func table(_ text: String) -> [Row] {
    var rows: [Row] = []
    var device = "?"
    var current: Row?
    func flush() { if let row = current, !row.status.isEmpty { rows.append(row) }; current = nil }
    for line in text.lines {
      if line.hasPrefix("+") { flush(); continue }
      guard line.hasPrefix("|") else { continue }
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmed }
      guard cells.count >= 3 else { continue }
      let (name, value) = (cells[1], cells[2])
      if name == "Device ID" { device = value; continue }
      if !name.isEmpty { flush(); current = Row(device: device, component: name, status: "", detail: "") }
      if name == "Result", current != nil { current!.status = value; continue }
      if value.hasPrefix("Status:") || value.hasPrefix("Result:") {
        current?.status = value.after(":") ?? ""
      } else if !value.isEmpty {
        let separator = current?.detail.isEmpty ?? true ? "" : " "
        current?.detail += separator + value
      }
    }
    flush()
    return rows
  }

  /// `Ok`/`Pass` pass, `Warning` warns, `Critical`/`Fail` fails, `Unknown` skips.
  package static func outcome(_ status: String) -> CheckOutcome {
    switch status.lowercased() {
    case "ok", "pass", "healthy": .pass
    case "warning", "warn": .warn
    case "critical", "fail", "failed", "error": .fail
    default: .skip
    }
  }

  /// One sub-result per row.
  package static func items(_ rows: [Row]) -> [CheckItem] {
    rows.map { row in
      let name = "device \(row.device)/\(row.component)"
      let outcome = outcome(row.status)
      let expected = outcome == .pass || outcome == .skip ? "" : ", expected Ok/Pass"
      let detail = row.detail.isEmpty ? "" : " (\(row.detail))"
      return CheckItem(name, outcome, "\(name): \(row.status)\(detail)\(expected)")
    }
  }
}
