/// Judges PCIe Advanced Error Reporting counters.
package enum AERJudge {
  /// Fatal or non-fatal errors fail; correctable errors above `correctableMax` warn.
  package static func judge(address: String, _ counts: AERCounts?, correctableMax: Int) -> CheckItem {
    guard let counts else {
      return CheckItem(address, .skip, "\(address): no AER counters (kernel without AER or no AER capability)")
    }
    let text = "fatal \(counts.fatal), non-fatal \(counts.nonFatal), correctable \(counts.correctable)"
    if counts.fatal > 0 || counts.nonFatal > 0 {
      return CheckItem(address, .fail, "\(address): AER \(text), expected no uncorrectable errors")
    }
    if counts.correctable > correctableMax {
      return CheckItem(address, .warn, "\(address): AER \(text), expected at most \(correctableMax) correctable")
    }
    return CheckItem(address, .pass, "\(address): AER \(text)")
  }
}
