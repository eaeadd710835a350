public import TMTModel

extension RunComparison {
  /// How a change reads: worse (a regression), better, another change, or within tolerance / only in one run.
  package enum Verdict: String, Sendable, Hashable {
    /// The outcome got worse (into warn, fail or error), or a figure moved past its tolerance the bad way.
    case regressed
    /// The outcome got better (out of warn, fail or error), or a figure moved past its tolerance the good way.
    case improved
    /// Changed otherwise (e.g. pass → skip), or a figure within its tolerance.
    case changed
    /// Only the earlier run has it.
    case removed
    /// Only the later run has it.
    case added
  }

  /// One test or device whose outcome differs between the runs.
  package struct OutcomeChange: Sendable, Hashable {
    /// Where.
    package var place: Place
    /// The earlier outcome; nil when only the later run has it.
    package var before: ResultOutcome?
    /// The later outcome; nil when only the earlier run has it.
    package var after: ResultOutcome?

    /// `regressed` when the later outcome is warn, fail or error and worse than before.
    package var verdict: Verdict {
      guard let before else { return .added }
      guard let after else { return .removed }
      let bad: Set<ResultOutcome> = [.warn, .fail, .error]
      if bad.contains(after) && after.severity > before.severity { return .regressed }
      if bad.contains(before) && after.severity < before.severity { return .improved }
      return .changed
    }
  }

  /// One figure in either run, with its relative change.
  package struct FigureChange: Sendable, Hashable {
    /// Where (the figure's name names its device).
    package var place: Place
    /// The check that measured it.
    package var check: String
    /// The figure's name, e.g. `mlx5_0/1:bw`.
    package var name: String
    /// The earlier figure; nil when only the later run has it.
    package var before: ReportFigure?
    /// The later figure; nil when only the earlier run has it.
    package var after: ReportFigure?

    /// (after − before) / |before|; nil when a side is missing or before is 0.
    package var relative: Double? {
      guard let before, let after, before.value != 0 else { return nil }
      return (after.value - before.value) / abs(before.value)
    }

    /// The unit (the later run's when both have one).
    package var unit: String { after?.unit ?? before?.unit ?? "" }

    /// The tolerance that applies to this change's direction (a fraction), from the later figure, else the earlier:
    /// `lower` for a drop and `upper` for a rise, the other bound when only one is given; nil when none.
    package var tolerance: Double? {
      guard let relative else { return nil }
      let lower = after?.lower ?? before?.lower
      let upper = after?.upper ?? before?.upper
      return relative < 0 ? lower ?? upper : upper ?? lower
    }

    /// `regressed` when the change is larger than the tolerance (a zero tolerance never is) in the figure's bad
    /// direction, or the value left its tolerance band; `improved` for the same the good way; `changed`
    /// otherwise.
    package var verdict: Verdict {
      guard let before else { return .added }
      guard let after else { return .removed }
      if before.withinTolerance && !after.withinTolerance { return .regressed }
      if !before.withinTolerance && after.withinTolerance { return .improved }
      guard let relative, let tolerance, tolerance != 0, abs(relative) > abs(tolerance) else { return .changed }
      return worse(before, after) ? .regressed : .improved
    }

    /// Lower is bad for a figure bounded below only, higher for one bounded above only; with both bounds (or
    /// none), moving away from the reference is bad.
    private func worse(_ before: ReportFigure, _ after: ReportFigure) -> Bool {
      let lower = after.lower ?? before.lower
      let upper = after.upper ?? before.upper
      switch (lower, upper) {
      case (.some, nil): return after.value < before.value
      case (nil, .some): return after.value > before.value
      default:
        guard let reference = after.reference ?? before.reference else { return false }
        return abs(after.value - reference) > abs(before.value - reference)
      }
    }
  }
}
