import HPCBasics

/// One sub-result of a check: a device (GPU, port, VF, pair) or a test of a vendor tool.
package struct CheckItem: Sendable, Hashable {
  /// The sub-result's name, e.g. `0000:3b:00.0` or `mlx5_0/1`.
  package var name: String
  /// Its outcome.
  package var outcome: CheckOutcome
  /// An NHC-style message naming actual and expected values.
  package var message: String

  /// Creates a sub-result.
  package init(_ name: String, _ outcome: CheckOutcome, _ message: String) {
    self.name = name
    self.outcome = outcome
    self.message = message
  }
}

/// A ReFrame-style performance figure: value against a reference with lower/upper tolerances (fractions).
package struct CheckFigure: Sendable, Hashable {
  /// The figure's name, e.g. `mlx5_0/1:write_bw`.
  package var name: String
  /// The measured value.
  package var value: Double
  /// The reference value, when one is known.
  package var reference: Double?
  /// The lower tolerance as a fraction of the reference (e.g. -0.1), when bounded below.
  package var lower: Double?
  /// The upper tolerance as a fraction of the reference, when bounded above.
  package var upper: Double?
  /// The unit, e.g. `Gb/s`.
  package var unit: String

  /// Creates a figure.
  package init(
    _ name: String, value: Double, reference: Double? = nil, lower: Double? = nil, upper: Double? = nil,
    unit: String
  ) {
    self.name = name
    self.value = value
    self.reference = reference
    self.lower = lower
    self.upper = upper
    self.unit = unit
  }

  /// The reference and its tolerances.
  package var band: ToleranceBand { ToleranceBand(reference: reference, lower: lower, upper: upper) }

  /// True when the value lies within the reference's tolerances (or there is no reference).
  package var withinTolerance: Bool { band.contains(value) }
}

/// What one check found: a sub-result per device, performance figures, and notes.
package struct CheckResult: Sendable, Hashable {
  /// The check's name, e.g. `gpu.pcie-link`.
  package var check: String
  /// The sub-results in device order.
  package var items: [CheckItem]
  /// Performance figures.
  package var figures: [CheckFigure]
  /// Notes about how the check ran (expected values' sources, skipped tools).
  package var notes: [String]

  /// Creates a result.
  package init(check: String, items: [CheckItem], figures: [CheckFigure] = [], notes: [String] = []) {
    self.check = check
    self.items = items
    self.figures = figures
    self.notes = notes
  }

  /// A result with one `skip` sub-result named after the check.
  package static func skip(_ check: String, _ reason: String) -> CheckResult {
    CheckResult(check: check, items: [CheckItem(check, .skip, reason)])
  }

  /// A result with one `error` sub-result named after the check.
  package static func error(_ check: String, _ reason: String) -> CheckResult {
    CheckResult(check: check, items: [CheckItem(check, .error, reason)])
  }

  /// The worst sub-result's outcome (`skip` when there are none).
  package var outcome: CheckOutcome { CheckOutcome.worst(items.map(\.outcome)) ?? .skip }
}
