/// A ReFrame-style performance reference: a value is within it when it lies between reference × (1 + lower) and
/// reference × (1 + upper), each bound only where given; without a reference nothing bounds it. The one place the
/// band is computed: the checks judge the figures they measure by it, the reports show and judge recorded ones by it.
public struct ToleranceBand: Sendable, Hashable {
  /// The reference value, when one is known.
  public var reference: Double?
  /// The lower tolerance as a fraction of the reference (e.g. -0.1), when bounded below.
  public var lower: Double?
  /// The upper tolerance as a fraction of the reference, when bounded above.
  public var upper: Double?

  /// A band around `reference`.
  public init(reference: Double?, lower: Double?, upper: Double?) {
    self.reference = reference
    self.lower = lower
    self.upper = upper
  }

  /// The smallest value within tolerance: reference × (1 + lower).
  public var floor: Double? { reference.flatMap { reference in lower.map { reference * (1 + $0) } } }

  /// The largest value within tolerance: reference × (1 + upper).
  public var ceiling: Double? { reference.flatMap { reference in upper.map { reference * (1 + $0) } } }

  /// True when `value` lies within the band (or nothing bounds it).
  public func contains(_ value: Double) -> Bool {
    if let floor, value < floor { return false }
    if let ceiling, value > ceiling { return false }
    return true
  }
}
