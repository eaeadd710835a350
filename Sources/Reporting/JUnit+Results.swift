public import HPCBasics
public import TMTModel
internal import YAML

extension JUnit {
  /// The suite for plan `name` from its results, reading the first log (`<system-out>`) and every `failures.yaml`
  /// among the result's and its checks' logs from `executeDirectory` (log paths are relative to it).
  package static func suite(name: String, results: [TestResult], executeDirectory: String) -> JUnitSuite {
    JUnitSuite(name: name, cases: results.map { testCase($0, executeDirectory: executeDirectory) })
  }

  private static func testCase(_ result: TestResult, executeDirectory: String) -> JUnitCase {
    let path = { (log: String) in log.hasPrefix("/") ? log : executeDirectory + "/" + log }
    let systemOut = result.log.first.map { FileSystem.readText(path($0)) ?? "" }
    var failures: [String] = []
    if [.fail, .error, .warn, .skip, .info, .pending].contains(result.result) {
      let logs = result.log + result.check.flatMap(\.log)
      for log in logs where log.hasSuffix("failures.yaml") {
        failures += failureLines(FileSystem.readText(path(log)) ?? "")
      }
    }
    return JUnitCase(
      name: result.name, outcome: result.result, seconds: Timestamp.seconds(ofClock: result.duration ?? ""),
      failureLines: failures, systemOut: systemOut)
  }

  /// The strings of a `failures.yaml` list; an unreadable file gives none.
  package static func failureLines(_ text: String) -> [String] {
    guard let node = try? YAMLParser.parse(text, file: "failures.yaml") else { return [] }
    return YAMLTree(node).items.compactMap(\.text)
  }
}
