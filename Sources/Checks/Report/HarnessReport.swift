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

  /// Appends `text` to `path`, creating it.
  static func append(_ path: String, _ text: String) -> Bool {
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let count = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { return false }
      offset += count
    }
    bytes.removeAll()
    return true
  }
}
