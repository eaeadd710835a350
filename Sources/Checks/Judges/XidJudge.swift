/// Judges XID events per GPU.
package enum XidJudge {
  /// XIDs that mean the GPU or its memory or links need attention (NVIDIA's XID catalogue: DBE, row-remap failure,
  /// NVLink errors, fallen off the bus, contained/uncontained ECC, GSP errors...).
  package static let critical: Set<Int> = [
    48, 61, 62, 63, 64, 68, 69, 74, 79, 92, 94, 95, 109, 110, 119, 120, 121, 136, 140, 143, 144, 145, 146, 147,
    148, 149, 150, 154, 155, 156, 158,
  ]
  /// XIDs usually caused by applications (illegal address, MMU fault, stopped processing, preemptive cleanup).
  package static let application: Set<Int> = [13, 31, 43, 45]

  /// One sub-result per GPU: critical XIDs fail, other non-application XIDs warn, application XIDs are info.
  /// Events older than `since` (seconds since boot) are ignored when their timestamp is known.
  package static func judge(gpus: [String], events: [XidEvent], since: Double?, window: String) -> [CheckItem] {
    let recent = events.filter { event in
      guard let since, let uptime = event.uptime else { return true }
      return uptime >= since
    }
    var items = gpus.map { address in item(address, recent.filter { $0.matches(address) }, window: window) }
    let unmatched = recent.filter { event in !gpus.contains { event.matches($0) } }
    let others = Dictionary(grouping: unmatched, by: \.pci)
    for pci in others.keys.sorted() { items.append(item(pci, others[pci]!, window: window)) }
    return items
  }

  static func item(_ address: String, _ events: [XidEvent], window: String) -> CheckItem {
    guard !events.isEmpty else { return CheckItem(address, .pass, "\(address): no XID \(window)") }
    let codes = Array(Set(events.map(\.code))).sorted()
    let list = codes.map(String.init).joined(separator: ", ")
    let last = events.last!.text
    let outcome: CheckOutcome =
      codes.contains(where: critical.contains) ? .fail : codes.allSatisfy(application.contains) ? .info : .warn
    return CheckItem(address, outcome, "\(address): XID \(list) \(window) (last: \(last)), expected none")
  }
}
