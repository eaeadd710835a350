import HPCBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Writes a check's sub-results and figures into a running test's data directory (`$TMT_TEST_DATA`), so tmt and
/// hpctest both see them.
package enum HarnessReport {
  /// Appends every sub-result to `tmt-report-results.yaml` (with a message log each) and the figures to
  /// `hpctest-figures.yaml`; false when a file could not be written.
  @discardableResult
  package static func write(_ result: CheckResult, dataDirectory: String, endTime: String = Timestamp.now().iso8601)
    -> Bool
  {
    var ok = FileSystem.makeDirectories(dataDirectory)
    var reports = ""
    for item in result.items {
      let directory = TMTReportFile.logDirectory(item)
      let log = directory + "/message.txt"
      let written =
        FileSystem.makeDirectories(Path.join(dataDirectory, directory))
        && append(Path.join(dataDirectory, log), TMTReportFile.logText(item))
      reports += TMTReportFile.entry(item, log: written ? log : nil, endTime: endTime)
    }
    ok = append(Path.join(dataDirectory, TMTReportFile.fileName), reports) && ok
    if !result.figures.isEmpty {
      ok = append(Path.join(dataDirectory, FiguresFile.fileName), FiguresFile.render(result)) && ok
    }
    return ok
  }

  /// Appends `text` to `path`, creating it (a link planted in its place is refused, not followed).
  static func append(_ path: String, _ text: String) -> Bool { FileSystem.append(path, text) }
}
