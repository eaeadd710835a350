public import HPCBasics
public import TMTModel
internal import YAML

extension JUnit {
  /// The suite for plan `name` from its results, reading the first log (`<system-out>`) and every `failures.yaml`
  /// among the result's and its checks' logs from `executeDirectory` (log paths are relative to it). `message` is
  /// the result's first reason; each sub-result becomes a sub-case (used by the subresults flavor).
  package static func suite(name: String, results: [TestResult], executeDirectory: String) -> JUnitSuite {
    JUnitSuite(name: name, cases: results.map { testCase($0, executeDirectory: executeDirectory) })
  }

  private static func testCase(_ result: TestResult, executeDirectory: String) -> JUnitCase {
    var failures: [String] = []
    if result.result != .pass {
      let logs = result.log + result.check.flatMap(\.log)
      for log in logs where log.hasSuffix("failures.yaml") {
        failures += failureLines(FileSystem.readText(path(log, executeDirectory)) ?? "")
      }
    }
    let subcases = result.subresult.map { sub in
      JUnitCase(
        name: sub.name, outcome: sub.result, seconds: Timestamp.seconds(ofClock: sub.duration ?? ""),
        systemOut: firstLog(sub.log, executeDirectory), message: reasonMessage(sub),
        guest: guestName(result), startTime: sub.startTime)
    }
    return JUnitCase(
      name: result.name, outcome: result.result, seconds: Timestamp.seconds(ofClock: result.duration ?? ""),
      failureLines: failures, systemOut: firstLog(result.log, executeDirectory),
      message: Display.reasons(result).first, guest: guestName(result), startTime: result.startTime,
      subcases: subcases)
  }

  /// A sub-result's reason when it is not a pass (its first note, else none: the outcome's name is written).
  private static func reasonMessage(_ sub: SubResult) -> String? {
    sub.result == .pass ? nil : sub.note.first
  }

  private static func guestName(_ result: TestResult) -> String? {
    result.guest.name == "default-0" ? nil : result.guest.name
  }

  private static func firstLog(_ logs: [String], _ base: String) -> String? {
    logs.first.map { FileSystem.readText(path($0, base)) ?? "" }
  }

  private static func path(_ log: String, _ base: String) -> String { log.hasPrefix("/") ? log : base + "/" + log }

  /// The strings of a `failures.yaml` list; an unreadable file gives none.
  package static func failureLines(_ text: String) -> [String] {
    guard let node = try? YAMLParser.parse(text, file: "failures.yaml") else { return [] }
    return YAMLTree(node).items.compactMap(\.text)
  }
}
