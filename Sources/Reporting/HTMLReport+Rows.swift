public import TMTModel

extension HTMLReport {
  /// One test as a `<tbody>` (so the filter hides it whole): its row, then its checks, device sub-results and
  /// figures.
  static func rows(_ test: ReportedTest, links: Links, showGuest: Bool, columns: Int) -> String {
    let result = test.result
    let outcome = result.result.rawValue
    var text = "<tbody class=\"test\" data-outcome=\"\(outcome)\">\n<tr class=\"test \(outcome)\">"
    text += cell(result.result) + "<td class=\"name\">\(escape(result.name))</td>"
    text += "<td>\(escape(result.duration ?? "..:..:.."))</td>"
    if showGuest { text += "<td>\(escape(result.guest.name))</td>" }
    text += notes(result.note) + logs(result.log, links: links) + "</tr>\n"
    let pad = showGuest ? "<td></td>" : ""
    for check in result.check {
      text += "<tr class=\"check \(check.result.rawValue)\">" + cell(check.result)
      text += "<td class=\"name\">\(escape(check.name)) (\(escape(check.event)) check)</td>"
      text += "<td>\(escape(check.duration ?? "..:..:.."))</td>\(pad)"
      text += notes(check.note) + logs(check.log, links: links) + "</tr>\n"
    }
    for sub in result.subresult {
      text += "<tr class=\"sub \(sub.result.rawValue)\">" + cell(sub.result)
      // A device without a duration (tmt-report-result gives none) or logs spans those columns: fewer cells.
      if let duration = sub.duration {
        text += "<td class=\"name\">\(escape(sub.name))</td><td>\(escape(duration))</td>\(pad)"
      } else {
        text += "<td class=\"name\" colspan=\"2\">\(escape(sub.name))</td>\(pad)"
      }
      // A device's message log holds what its notes show: linked only when there are no notes.
      let logs = sub.note.isEmpty ? sub.log : sub.log.filter { basename($0) != "message.txt" }
      text += logs.isEmpty ? notes(sub.note, span: 2) : notes(sub.note) + self.logs(logs, links: links)
      text += "</tr>\n"
    }
    if !test.figures.isEmpty {
      text += "<tr class=\"figures\"><td></td><td colspan=\"\(columns - 1)\">" + figures(test.figures) + "</td></tr>\n"
    }
    return text + "</tbody>\n"
  }

  /// An outcome cell, coloured by its class.
  static func cell(_ outcome: ResultOutcome) -> String {
    "<td class=\"result \(outcome.rawValue)\">\(outcome.rawValue)</td>"
  }

  /// The reasons: one as text, several as a list.
  private static func notes(_ notes: [String], span: Int = 1) -> String {
    let open = span > 1 ? "<td class=\"note\" colspan=\"\(span)\">" : "<td class=\"note\">"
    guard notes.count > 1 else { return open + "\(escape(notes.first ?? ""))</td>" }
    return open + "<ul>" + notes.map { "<li>\(escape($0))</li>" }.joined() + "</ul></td>"
  }

  private static func logs(_ logs: [String], links: Links) -> String {
    let anchors = logs.map { log in
      "<a href=\"\(escape(links.href(log)))\">\(escape(basename(log)))</a>"
    }
    return "<td>" + anchors.joined(separator: " ") + "</td>"
  }

  /// The figures of one test against their references: value, reference, the band within tolerance, and
  /// whether the value lies in it.
  static func figures(_ figures: [ReportFigure]) -> String {
    var text = "<table class=\"figures\">\n<thead><tr><th>check</th><th>figure</th><th>value</th><th>reference</th>"
    text += "<th>tolerance</th><th>result</th></tr></thead>\n<tbody>\n"
    for figure in figures {
      text += "<tr><td>\(escape(figure.check))</td><td class=\"name\">\(escape(figure.name))</td>"
      text += "<td class=\"number\">\(escape(quantity(figure.value, figure.unit)))</td>"
      text += "<td class=\"number\">\(escape(figure.reference.map { quantity($0, figure.unit) } ?? "—"))</td>"
      text += "<td>\(escape(FigureText.band(figure)))</td>" + cell(figure.outcome) + "</tr>\n"
    }
    return text + "</tbody>\n</table>"
  }

  private static func quantity(_ value: Double, _ unit: String) -> String {
    unit.isEmpty ? FigureText.number(value) : FigureText.number(value) + " " + unit
  }

  private static func basename(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}
