import HPCBasics
import Reporting
import TMTModel

extension Runner {
  /// `report -h html`: with `--file F` one page holding every plan (its directory must exist, as in tmt);
  /// otherwise each plan reporting through html gets a page at its `report: {how: html, file: F}` (relative to the
  /// tree) or tmt's `<plan>/report/<phase>/index.html`. False when a page could not be written.
  func writeHTMLReports(_ outcomes: [PlanOutcome], run: String) -> Bool {
    if let file = options.html.file {
      let page = ReportedRun(path: run, plans: outcomes.map(reportedPlan))
      return writeHTML(page, to: Path.absolute(file), phase: nil, createDirectory: false)
    }
    var written = true
    for outcome in outcomes {
      let plan = plans.first { $0.name == outcome.name }
      let hows = options.reportHows.isEmpty ? plan?.phases(.report).map(\.how) ?? [] : options.reportHows
      guard hows.contains("html") else { continue }
      let phase = plan?.phases(.report).first { $0.how == "html" }
      let directory = Path.dirname(outcome.executeDirectory) + "/report/" + (phase?.name ?? "default-0")
      let file = phase?["file"]?.scalarText.map { Path.join(root, $0) } ?? directory + "/index.html"
      let page = ReportedRun(path: run, plans: [reportedPlan(outcome)])
      written = writeHTML(page, to: file, phase: phase, createDirectory: true) && written
    }
    return written
  }

  /// The plan with its figures; a broken figures file is reported and the plan shown without figures.
  private func reportedPlan(_ outcome: PlanOutcome) -> ReportedPlan {
    do {
      return try ReportedPlan.read(
        name: outcome.name, results: outcome.results, executeDirectory: outcome.executeDirectory)
    } catch {
      log.always("warning: html report: \(error.description)")
      let tests = outcome.results.map { ReportedTest(result: $0) }
      return ReportedPlan(name: outcome.name, executeDirectory: outcome.executeDirectory, tests: tests)
    }
  }

  private func writeHTML(_ page: ReportedRun, to path: String, phase: TMTPhase?, createDirectory: Bool) -> Bool {
    let absolute = options.html.absolutePaths || phase?["absolute-paths"]?.value == .bool(true)
    let guests =
      options.html.displayGuest
      ?? phase?["display-guest"]?.scalarText.flatMap(HTMLReport.GuestDisplay.init(rawValue:)) ?? .auto
    let settings = HTMLReport.Options(pageDirectory: absolute ? nil : Path.dirname(path), displayGuest: guests)
    if createDirectory { FileSystem.makeDirectories(Path.dirname(path)) }
    guard FileSystem.writeAtomically(path, HTMLReport.document(page, options: settings)) else {
      log.error("cannot write the HTML report to '\(path)'")
      return false
    }
    log.line("output: \(path)", level: 2)
    return true
  }
}
