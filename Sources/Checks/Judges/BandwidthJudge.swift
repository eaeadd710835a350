/// Judges measured bandwidth and latency against line rate and limits, recording ReFrame-style figures.
package enum BandwidthJudge {
  /// Bandwidth must reach `fraction` × `lineRate` (both Gb/s).
  package static func judge(_ label: String, gbps: Double?, lineRate: Double?, fraction: Double) -> (
    CheckItem, [CheckFigure]
  ) {
    guard let gbps else { return (CheckItem(label, .error, "\(label): no bandwidth in the tool's output"), []) }
    let figure = CheckFigure(
      "\(label):bw", value: gbps, reference: lineRate, lower: lineRate.map { _ in fraction - 1 }, unit: "Gb/s")
    guard let lineRate else {
      return (CheckItem(label, .pass, "\(label): \(gbps.formatted()) Gb/s (line rate unknown)"), [figure])
    }
    let floor = lineRate * fraction
    let text =
      "\(label): \(gbps.formatted()) Gb/s, expected ≥ \(floor.formatted()) Gb/s (\(fraction.formatted()) × \(lineRate.formatted(0)) Gb/s)"
    return (CheckItem(label, gbps >= floor ? .pass : .fail, text), [figure])
  }

  /// Latency must stay at or below `maximum` µs when given.
  package static func latency(_ label: String, microseconds: Double?, maximum: Double?) -> (CheckItem, [CheckFigure]) {
    guard let microseconds else { return (CheckItem(label, .error, "\(label): no latency in the tool's output"), []) }
    let figure = CheckFigure(
      "\(label):lat", value: microseconds, reference: maximum, upper: maximum.map { _ in 0 }, unit: "us")
    guard let maximum else { return (CheckItem(label, .pass, "\(label): \(microseconds.formatted()) us"), [figure]) }
    let outcome: CheckOutcome = microseconds <= maximum ? .pass : .fail
    return (
      CheckItem(label, outcome, "\(label): \(microseconds.formatted()) us, expected ≤ \(maximum.formatted()) us"),
      [figure]
    )
  }
}
