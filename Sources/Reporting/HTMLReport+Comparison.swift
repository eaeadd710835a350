public import TMTModel

extension HTMLReport {
  /// `hpctest compare --html FILE`: the comparison as a self-contained page in the report's style.
  package static func document(_ comparison: RunComparison) -> String {
    var body = "<header>\n<h1>hpctest compare</h1>\n"
    body += "<p class=\"run\">before: \(escape(comparison.before))</p>\n"
    body += "<p class=\"run\">after: \(escape(comparison.after))</p>\n"
    let count = comparison.regressions
    body += "<p class=\"totals\">regressions: \(escape(Display.listed(count.outcomes, "outcome"))) and "
    body += "\(escape(Display.listed(count.figures, "figure")))</p>\n</header>\n<main>\n"
    return page(title: "hpctest compare", body: body + section(comparison) + "</main>\n")
  }

  /// The comparison's two tables: changed outcomes, then figures with their relative change.
  package static func section(_ comparison: RunComparison) -> String {
    var text = "<section class=\"comparison outcomes\">\n<h2>Outcomes: \(comparison.outcomes.count) changed, "
    text += "\(comparison.unchanged) unchanged</h2>\n<table class=\"results\">\n<thead><tr><th></th><th>before</th>"
    text += "<th>after</th><th>plan</th><th>test / device</th></tr></thead>\n<tbody>\n"
    for change in comparison.outcomes {
      text += "<tr class=\"\(change.verdict.rawValue)\">" + flag(change.verdict)
      text += (change.before.map(cell) ?? "<td>-</td>") + (change.after.map(cell) ?? "<td>-</td>")
      text += "<td>\(escape(change.place.plan))</td><td class=\"name\">"
      text += "\(escape(RunComparison.location(change.place)))</td></tr>\n"
    }
    text += "</tbody>\n</table>\n</section>\n<section class=\"comparison figures\">\n<h2>Figures</h2>\n"
    text += "<table class=\"results\">\n<thead><tr><th></th><th>plan</th><th>test</th><th>check</th><th>figure</th>"
    text += "<th>before</th><th>after</th><th>change</th><th>tolerance</th></tr></thead>\n<tbody>\n"
    for change in comparison.figures { text += figureRow(change) }
    return text + "</tbody>\n</table>\n</section>\n"
  }

  private static func figureRow(_ change: RunComparison.FigureChange) -> String {
    let unit = change.unit.isEmpty ? "" : " " + change.unit
    let value = { (figure: ReportFigure?) in figure.map { FigureText.number($0.value) + unit } ?? "-" }
    var text = "<tr class=\"\(change.verdict.rawValue)\">" + flag(change.verdict)
    text += "<td>\(escape(change.place.plan))</td><td class=\"name\">\(escape(RunComparison.location(change.place)))"
    text += "</td><td>\(escape(change.check))</td><td>\(escape(change.name))</td>"
    text += "<td class=\"number\">\(escape(value(change.before)))</td>"
    text += "<td class=\"number\">\(escape(value(change.after)))</td>"
    text += "<td class=\"number\">\(escape(change.relative.map(FigureText.percent) ?? ""))</td>"
    return text + "<td class=\"number\">\(escape(change.tolerance.map(FigureText.percent) ?? ""))</td></tr>\n"
  }

  private static func flag(_ verdict: RunComparison.Verdict) -> String {
    guard verdict != .changed else { return "<td></td>" }
    let style = verdict == .regressed ? "flag" : "verdict"
    return "<td><span class=\"\(style)\">\(escape(RunComparison.label(verdict)))</span></td>"
  }
}
