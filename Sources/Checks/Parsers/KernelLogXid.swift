/// NVIDIA XID events in a kernel log (`dmesg` output).
package struct XidEvent: Sendable, Hashable {
  /// Seconds since boot (`[  12.345678]`), nil for wall-clock (`dmesg -T`) timestamps.
  package var uptime: Double?
  /// The GPU's PCI address as NVRM writes it (`0000:9b:00`).
  package var pci: String
  /// The XID number.
  package var code: Int
  /// The rest of the line.
  package var text: String

  /// Every `NVRM: Xid (PCI:0000:9b:00): 79, ...` line of `log`.
  package static func parse(_ log: String) -> [XidEvent] {
    log.lines.compactMap(parseLine)
  }

  static func parseLine(_ line: String) -> XidEvent? {
    guard let marker = line.firstRange(of: "NVRM: Xid (") else { return nil }
    let rest = line[marker.upperBound...]
    guard let close = rest.firstRange(of: "): ") else { return nil }
    var pci = String(rest[..<close.lowerBound])
    if pci.hasPrefix("PCI:") { pci.removeFirst(4) }
    let after = rest[close.upperBound...]
    let number = after.prefix { $0.isNumber }
    guard let code = Int(number) else { return nil }
    return XidEvent(uptime: uptimeStamp(line), pci: pci.lowercased(), code: code, text: String(after).trimmed)
  }

  static func uptimeStamp(_ line: String) -> Double? {
    guard line.hasPrefix("["), let end = line.firstIndex(of: "]") else { return nil }
    return Double(line[line.index(after: line.startIndex)..<end].trimmingCharacters())
  }

  /// True when this event belongs to the GPU at `address` (`0000:9b:00.0`).
  package func matches(_ address: String) -> Bool {
    address.lowercased().hasPrefix(pci) || pci.hasPrefix(address.lowercased())
  }
}

extension Substring {
  func trimmingCharacters() -> String { String(self).trimmed }
}
