import HPCBasics
import TMTModel
internal import YAML

/// What a test reported with `tmt-report-result` (`$TMT_TEST_DATA/tmt-report-results.yaml`); an entry's `note` list
/// (tmt's results schema key, written by `hpctest check`) becomes the sub-result's note.
package struct TestReports {
  package var results: [SubResult] = []
  /// Set when the file or an outcome in it is not valid.
  package var problem: String?

  /// Reads the reports; log paths become relative to the execute directory via `relative` (the data directory).
  package static func read(_ path: String, relative: String, testName: String) -> TestReports {
    guard let text = FileSystem.readText(path) else { return TestReports() }
    return parse(text, file: path, relative: relative, testName: testName)
  }

  /// Reads the reports from the file's `text`; locations name it as `file`.
  package static func parse(_ text: String, file: String, relative: String, testName: String) -> TestReports {
    var reports = TestReports()
    let tree: YAMLTree
    do { tree = try YAMLParser.parse(text, file: file).map(YAMLTree.init) ?? .null } catch {
      reports.problem = "cannot read tmt-report-result results: \(error)"
      return reports
    }
    for item in tree.items {
      var name = item["name"]?.text ?? "/"
      if name == "/" { name = testName }
      let text = item["result"]?.text ?? ""
      guard let outcome = ResultOutcome(parsing: text) else {
        reports.problem = "tmt-report-result: invalid outcome '\(text)' for '\(name)'"
        return reports
      }
      let logs = item["log"]?.items.compactMap(\.text).map { relative + "/" + $0 } ?? []
      let notes = item["note"]?.items.compactMap(\.text) ?? []
      reports.results.append(
        SubResult(name: name, result: outcome, note: notes, log: logs, endTime: item["end-time"]?.text))
    }
    return reports
  }
}
