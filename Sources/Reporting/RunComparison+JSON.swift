public import HPCBasics

extension RunComparison {
  /// `hpctest compare --json`: `{"before", "after", "outcomes": [...], "unchanged", "figures": [...],
  /// "regressions": {"outcomes", "figures"}}`; a missing side is null.
  package var json: JSON {
    let count = regressions
    return .object([
      ("before", .string(before)), ("after", .string(after)),
      ("outcomes", .array(outcomes.map(Self.json))), ("unchanged", .int(unchanged)),
      ("figures", .array(figures.map(Self.json))),
      ("regressions", .object([("outcomes", .int(count.outcomes)), ("figures", .int(count.figures))])),
    ])
  }

  private static func json(_ place: Place) -> [(String, JSON)] {
    [("plan", .string(place.plan)), ("test", .string(place.test)), ("guest", .string(place.guest))]
  }

  private static func json(_ change: OutcomeChange) -> JSON {
    .object(
      json(change.place) + [
        ("device", .text(change.place.device)), ("before", .text(change.before?.rawValue)),
        ("after", .text(change.after?.rawValue)), ("verdict", .string(change.verdict.rawValue)),
      ])
  }

  private static func json(_ change: FigureChange) -> JSON {
    let figure = change.after ?? change.before
    return .object(
      json(change.place) + [
        ("check", .string(change.check)), ("name", .string(change.name)), ("unit", .string(change.unit)),
        ("before", .double(change.before?.value)), ("after", .double(change.after?.value)),
        ("change", .double(change.relative)), ("reference", .double(figure?.reference)),
        ("lower", .double(figure?.lower)), ("upper", .double(figure?.upper)),
        ("tolerance", .double(change.tolerance)), ("verdict", .string(change.verdict.rawValue)),
      ])
  }
}
