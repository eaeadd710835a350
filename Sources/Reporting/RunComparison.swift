public import TMTModel

/// `hpctest compare`: two runs lined up by plan, test (and guest) and device: the outcomes that changed, and every
/// figure with its relative change, flagged where it moved past the figure's own tolerance. Pure.
package struct RunComparison: Sendable, Hashable {
  /// The earlier run's path.
  package var before: String
  /// The later run's path.
  package var after: String
  /// Tests and devices whose outcome differs, or that only one run has: regressions first, then in run order.
  package var outcomes: [OutcomeChange]
  /// How many tests and devices kept their outcome.
  package var unchanged: Int
  /// Every figure of either run: regressions first, then improvements, then the rest, each in run order.
  package var figures: [FigureChange]

  /// Where a result sits: plan, test, guest and, for a device sub-result, its name.
  package struct Place: Sendable, Hashable {
    /// The plan, e.g. `/plans/rdma`.
    package var plan: String
    /// The test, e.g. `/tests/rdma/port-state`.
    package var test: String
    /// The guest the result came from (`default-0` on a single host).
    package var guest: String
    /// The device sub-result (e.g. `/mlx5_0/1`); nil for the test itself.
    package var device: String?
  }

  /// Lines up `before` and `after`.
  package static func compare(_ before: ReportedRun, _ after: ReportedRun) -> RunComparison {
    var unchanged = 0
    var outcomes: [OutcomeChange] = []
    for (place, old, new) in aligned(outcomeEntries(before), outcomeEntries(after)) {
      if old == new { unchanged += 1 } else { outcomes.append(OutcomeChange(place: place, before: old, after: new)) }
    }
    let figures = aligned(figureEntries(before), figureEntries(after)).map { key, old, new in
      FigureChange(place: key.place, check: key.check, name: key.name, before: old, after: new)
    }
    return RunComparison(
      before: before.path, after: after.path, outcomes: regressionsFirst(outcomes, \.verdict),
      unchanged: unchanged, figures: regressionsFirst(figures, \.verdict))
  }

  /// The outcome changes and figures that are regressions.
  package var regressions: (outcomes: Int, figures: Int) {
    (outcomes.filter { $0.verdict == .regressed }.count, figures.filter { $0.verdict == .regressed }.count)
  }

  private struct FigureKey: Hashable {
    var place: Place
    var check: String
    var name: String
  }

  private static func outcomeEntries(_ run: ReportedRun) -> [(Place, ResultOutcome)] {
    run.plans.flatMap { plan in
      plan.tests.flatMap { test -> [(Place, ResultOutcome)] in
        let place = Place(plan: plan.name, test: test.result.name, guest: test.result.guest.name)
        return [(place, test.result.result)]
          + test.result.subresult.map { sub in
            var device = place
            device.device = sub.name
            return (device, sub.result)
          }
      }
    }
  }

  private static func figureEntries(_ run: ReportedRun) -> [(FigureKey, ReportFigure)] {
    run.plans.flatMap { plan in
      plan.tests.flatMap { test in
        let place = Place(plan: plan.name, test: test.result.name, guest: test.result.guest.name)
        return test.figures.map { (FigureKey(place: place, check: $0.check, name: $0.name), $0) }
      }
    }
  }

  /// The union of both lists' keys (`before`'s order, then keys only `after` has), with each side's value; a key
  /// repeated within one list is matched occurrence by occurrence.
  private static func aligned<Key: Hashable, Value>(_ before: [(Key, Value)], _ after: [(Key, Value)]) -> [(
    Key, Value?, Value?
  )] {
    func numbered(_ list: [(Key, Value)]) -> [(Occurrence<Key>, Value)] {
      var seen: [Key: Int] = [:]
      return list.map { key, value in
        seen[key, default: 0] += 1
        return (Occurrence(key: key, number: seen[key]!), value)
      }
    }
    let old = numbered(before)
    let new = numbered(after)
    let newValues = Dictionary(new, uniquingKeysWith: { first, _ in first })
    let oldKeys = Set(old.map(\.0))
    var rows = old.map { ($0.0.key, Optional($0.1), newValues[$0.0]) }
    rows += new.filter { !oldKeys.contains($0.0) }.map { ($0.0.key, nil, Optional($0.1)) }
    return rows
  }

  private struct Occurrence<Key: Hashable>: Hashable {
    var key: Key
    var number: Int
  }

  private static func regressionsFirst<T>(_ items: [T], _ verdict: (T) -> Verdict) -> [T] {
    items.filter { verdict($0) == .regressed } + items.filter { verdict($0) == .improved }
      + items.filter { verdict($0) != .regressed && verdict($0) != .improved }
  }
}
