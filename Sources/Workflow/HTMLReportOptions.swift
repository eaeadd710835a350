public import HPCBasics
public import Reporting

/// `report -h html`'s options, as tmt 1.78 names them: `--file PATH`, `--absolute-paths`,
/// `--display-guest auto|always|never` (`--open` is not supported: the page is for a browser elsewhere).
package struct HTMLReportOptions: Sendable {
  /// `--file PATH`: one page holding every plan of the run, instead of one per plan in its report directory.
  package var file: String?
  /// `--absolute-paths`: log links absolute instead of relative to the page.
  package var absolutePaths = false
  /// `--display-guest`.
  package var displayGuest: HTMLReport.GuestDisplay?

  /// Creates empty options.
  package init() {}

  /// Sets `--display-guest` from its text.
  package mutating func setDisplayGuest(_ text: String) throws(Diagnostic) {
    guard let choice = HTMLReport.GuestDisplay(rawValue: text) else {
      throw .error("'report --display-guest' must be one of auto, always, never, got '\(text)'")
    }
    displayGuest = choice
  }

  /// The html-only options need `--how html` among the report methods.
  package func check(hows: [String]) throws(Diagnostic) {
    guard !hows.contains("html") else { return }
    if absolutePaths { throw .error("'report --absolute-paths' needs '--how html'") }
    if displayGuest != nil { throw .error("'report --display-guest' needs '--how html'") }
  }
}
