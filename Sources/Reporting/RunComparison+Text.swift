extension RunComparison {
  /// The terminal report: the runs, the changed outcomes, every figure with its relative change (flagged past
  /// tolerance), and the count of regressions. Columns are aligned; texts are shown as given.
  package var text: String {
    var lines = ["before: \(before)", "after:  \(after)", ""]
    lines.append("outcomes: \(outcomes.count) changed, \(unchanged) unchanged")
    lines += Self.aligned(outcomes.map(Self.row))
    lines.append("")
    let flagged = figures.filter { $0.verdict == .regressed || $0.verdict == .improved }.count
    lines.append("figures: \(figures.count), \(flagged) past tolerance")
    lines += Self.aligned(figures.map(Self.row))
    lines.append("")
    let count = regressions
    lines.append(
      "regressions: \(Display.listed(count.outcomes, "outcome")) and \(Display.listed(count.figures, "figure"))")
    return lines.joined(separator: "\n") + "\n"
  }

  /// What a verdict is called in the text and HTML reports.
  package static func label(_ verdict: Verdict) -> String {
    switch verdict {
    case .regressed: "REGRESSION"
    case .improved: "improved"
    case .changed: "changed"
    case .removed: "only before"
    case .added: "only after"
    }
  }

  /// `/tests/x`, `/tests/x (on guest-1)`, with the device after it: `/tests/x /mlx5_0/1`.
  package static func location(_ place: Place) -> String {
    let guest = place.guest == "default-0" ? "" : " (on \(place.guest))"
    return place.test + guest + (place.device.map { " " + $0 } ?? "")
  }

  private static func row(_ change: OutcomeChange) -> [String] {
    let transition = (change.before?.rawValue ?? "-") + " -> " + (change.after?.rawValue ?? "-")
    return [label(change.verdict), transition, change.place.plan, location(change.place)]
  }

  private static func row(_ change: FigureChange) -> [String] {
    let unit = change.unit.isEmpty ? "" : " " + change.unit
    let values =
      (change.before.map { FigureText.number($0.value) } ?? "-") + " -> "
      + (change.after.map { FigureText.number($0.value) } ?? "-") + unit
    let relative = change.relative.map(FigureText.percent) ?? ""
    let tolerance = change.tolerance.map { "tolerance " + FigureText.percent($0) } ?? ""
    let flag = change.verdict == .changed ? "" : label(change.verdict)
    return [
      flag, change.place.plan, location(change.place), change.check, change.name, values, relative, tolerance,
    ]
  }

  /// Rows padded into columns, two spaces apart, indented by two; columns empty in every row left out, trailing
  /// spaces trimmed.
  private static func aligned(_ rows: [[String]]) -> [String] {
    guard let columns = rows.map(\.count).max() else { return [] }
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    return rows.map { row in
      var line = "  "
      for (index, cell) in row.enumerated() where widths[index] > 0 {
        line += cell + String(repeating: " ", count: widths[index] - cell.count) + "  "
      }
      while line.last == " " { line.removeLast() }
      return line
    }
  }
}
