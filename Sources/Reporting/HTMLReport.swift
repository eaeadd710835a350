public import TMTModel

/// tmt's `report -h html`: one self-contained page (inline CSS and JS, no network, no external assets) with plans →
/// tests → device sub-results, their outcomes, reasons, durations, logs and figures against their references, and a
/// filter by outcome (also from the URL fragment: `index.html#outcome=fail,error`). Pure: text in, text out; every
/// text is escaped.
package enum HTMLReport {
  /// tmt's `--display-guest`: when to show the guest column.
  package enum GuestDisplay: String, Sendable, CaseIterable {
    /// When a plan's results come from more than one guest.
    case auto
    /// Always.
    case always
    /// Never.
    case never
  }

  /// How links and guests are shown.
  package struct Options: Sendable {
    /// The page's directory: log links are relative to it; nil writes absolute links (`--absolute-paths`).
    package var pageDirectory: String?
    /// `--display-guest`.
    package var displayGuest: GuestDisplay

    /// Creates options.
    package init(pageDirectory: String?, displayGuest: GuestDisplay = .auto) {
      self.pageDirectory = pageDirectory
      self.displayGuest = displayGuest
    }
  }

  /// The page for `run`.
  package static func document(_ run: ReportedRun, options: Options) -> String {
    let results = run.results
    var body = "<header>\n<h1>hpctest results</h1>\n"
    body += "<p class=\"run\">\(escape(run.path))</p>\n"
    body += "<p class=\"totals\">\(escape(Display.summary(results)))</p>\n"
    body += filter(results) + "</header>\n<main>\n"
    body += run.plans.map { plan($0, options: options) }.joined()
    body += "</main>\n"
    return page(title: "hpctest results: " + run.path, body: body)
  }

  /// A complete page around `body`: the doctype, the inline style and the filter script.
  static func page(title: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(escape(title))</title>
    <style>\(style)</style>
    <script>document.documentElement.className = 'loading';</script>
    </head>
    <body>
    \(body)<script>\(script)</script>
    </body>
    </html>

    """
  }

  /// The outcome filter: a checkbox per outcome present (with its count), `all` and `problems` buttons, and the
  /// count of tests shown.
  static func filter(_ results: [TestResult]) -> String {
    var text = "<nav id=\"filter\">\n"
    for outcome in ResultOutcome.allCases {
      let count = results.filter { $0.result == outcome }.count
      text += "<label class=\"\(outcome.rawValue)\"><input type=\"checkbox\" data-outcome=\"\(outcome.rawValue)\" "
      text += "checked> \(outcome.rawValue) <span class=\"count\">\(count)</span></label>\n"
    }
    text += "<button type=\"button\" data-show=\"all\">all</button>\n"
    text += "<button type=\"button\" data-show=\"fail,error,warn\">problems</button>\n"
    text += "<span id=\"shown\"><span id=\"shown-count\">\(results.count)</span> of \(results.count) tests shown"
    return text + "</span>\n</nav>\n"
  }

  /// One plan: its name, summary and the table of its tests.
  static func plan(_ plan: ReportedPlan, options: Options) -> String {
    let showGuest =
      options.displayGuest == .always || (options.displayGuest == .auto && plan.guests.count > 1)
    let columns = showGuest ? 6 : 5
    var text = "<section class=\"plan\" data-plan=\"\(escape(plan.name))\">\n<h2>\(escape(plan.name))</h2>\n"
    text += "<p class=\"summary\">\(escape(Display.summary(plan.tests.map(\.result))))</p>\n"
    text += "<table class=\"results\">\n<thead><tr><th>result</th><th>name</th><th>duration</th>"
    text += (showGuest ? "<th>guest</th>" : "") + "<th>notes</th><th>logs</th></tr></thead>\n"
    let links = Links(executeDirectory: plan.executeDirectory, pageDirectory: options.pageDirectory)
    for test in plan.tests {
      text += rows(test, links: links, showGuest: showGuest, columns: columns)
    }
    return text + "</table>\n</section>\n"
  }
}
