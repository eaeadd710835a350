import HPCBasics

/// Renders a check result as JSON for `hpctest check --json`.
package enum CheckResultJSON {
  /// `{"check": ..., "outcome": ..., "items": [...], "figures": [...], "notes": [...]}` on one line.
  package static func render(_ result: CheckResult) -> String {
    let items = result.items.map { item in
      JSON.object([
        ("name", .string(item.name)), ("outcome", .string(item.outcome.rawValue)), ("message", .string(item.message)),
      ])
    }
    let figures = result.figures.map { figure in
      JSON.object([
        ("name", .string(figure.name)), ("value", .double(figure.value)), ("reference", .double(figure.reference)),
        ("lower", .double(figure.lower)), ("upper", .double(figure.upper)), ("unit", .string(figure.unit)),
      ])
    }
    return JSON.object([
      ("check", .string(result.check)), ("outcome", .string(result.outcome.rawValue)), ("items", .array(items)),
      ("figures", .array(figures)), ("notes", .array(result.notes.map(JSON.string))),
    ]).compact
  }
}
