import TMTModel
import Testing

@testable import Reporting

/// Reasons, the default-verbosity lines, the end-of-run failure list and colours, for every outcome.
@Suite struct DisplayReasonsTests {
  /// Sub-results of every outcome, each with an NHC-style note, plus one without a note.
  static let devices: [SubResult] =
    ResultOutcome.allCases.map { outcome in
      SubResult(name: "/dev-\(outcome.rawValue)", result: outcome, note: ["dev-\(outcome.rawValue): got x, expected y"])
    } + [SubResult(name: "/bare", result: .fail)]

  static func result(_ outcome: ResultOutcome, guest: String = "default-0") -> TestResult {
    var result = TestResult(
      name: "/tests/t", serialNumber: 1, result: outcome, duration: "00:00:01", guest: ResultGuest(name: guest))
    result.subresult = devices
    result.check = [
      CheckResult(name: "internal/timeout", event: "after-test", result: .fail, note: ["Test exceeded 3s"]),
      CheckResult(name: "dmesg", event: "after-test", result: .pass, note: ["quiet"]),
    ]
    return result
  }

  @Test(arguments: ResultOutcome.allCases)
  func subresultReasonsExplainTheOutcome(outcome: ResultOutcome) {
    let reasons = Display.subresultReasons(Self.devices, outcome: outcome)
    switch outcome {
    case .fail, .warn, .error:
      #expect(
        reasons == [
          "dev-fail: got x, expected y", "dev-warn: got x, expected y", "dev-error: got x, expected y", "bare: fail",
        ])
    case .skip: #expect(reasons == ["dev-skip: got x, expected y"])
    case .pass, .info, .pending: #expect(reasons.isEmpty)
    }
  }

  @Test(arguments: ResultOutcome.allCases)
  func reasonsAddFailingChecksAndKeepNotesFirst(outcome: ResultOutcome) {
    var result = Self.result(outcome)
    result.note = ["dev-fail: got x, expected y", "original test result: pass"]
    let reasons = Display.reasons(result)
    guard Display.failing.contains(outcome) else {
      #expect(reasons == (outcome == .skip ? result.note + ["dev-skip: got x, expected y"] : []))
      return
    }
    #expect(Array(reasons.prefix(2)) == result.note)
    #expect(reasons.filter { $0 == "dev-fail: got x, expected y" }.count == 1, "a note already given is not repeated")
    #expect(reasons.contains("internal/timeout: Test exceeded 3s"))
    #expect(!reasons.contains { $0.hasPrefix("dmesg") }, "passing checks are no reason")
  }

  @Test(arguments: ResultOutcome.allCases)
  func finishedLinesShowReasonsUnderFailingTests(outcome: ResultOutcome) {
    let lines = Display.finishedLines(Self.result(outcome), guest: "default-0", progress: "[2/5]")
    #expect(lines[0] == "00:00:01 \(Display.label(outcome)) /tests/t (on default-0) [2/5]")
    let reasons = lines.dropFirst()
    #expect(reasons.isEmpty == !Display.failing.contains(outcome))
    #expect(reasons.allSatisfy { $0.hasPrefix(Display.indent) })
  }

  /// One line per failing device, printed once across plans and guests; a failing test without failing
  /// sub-results gives one line with its first reason.
  @Test func failureListIsOneLinePerFailingDevice() {
    var plain = TestResult(name: "/tests/plain", serialNumber: 2, result: .error)
    plain.check = [
      CheckResult(name: "internal/timeout", event: "after-test", result: .fail, note: ["Test exceeded 3s"])
    ]
    let results = [Self.result(.fail), Self.result(.fail), Self.result(.pass), Self.result(.fail, guest: "n2"), plain]
    let lines = Display.failureList(results)
    let device = [
      "FAIL /tests/t dev-fail: got x, expected y", "WARN /tests/t dev-warn: got x, expected y",
      "ERROR /tests/t dev-error: got x, expected y", "FAIL /tests/t bare: fail",
    ]
    let onGuest = device.map { $0.replacing("/tests/t ", with: "/tests/t (on n2) ") }
    #expect(lines == device + onGuest + ["ERROR /tests/plain: internal/timeout: Test exceeded 3s"])
  }

  @Test(arguments: ResultOutcome.allCases)
  func paintingColoursOnlyTheOutcome(outcome: ResultOutcome) {
    let line = "            00:00:01 \(Display.label(outcome)) /tests/fail pass (on default-0) [1/2]"
    let painted = Display.painted(line)
    #expect(painted.replacing(/\u{1B}\[[0-9;]*m/, with: "") == line)
    #expect(painted.hasPrefix("            00:00:01 \u{1B}["))
    #expect(painted.contains("m\(Display.label(outcome))\u{1B}[0m /tests/fail pass"))
    let nhc = (outcome == .error ? "ERROR" : outcome.rawValue.uppercased()) + " /tests/x dev: bad"
    #expect(Display.painted(nhc).hasPrefix("\u{1B}["))
    #expect(Display.painted(nhc).replacing(/\u{1B}\[[0-9;]*m/, with: "") == nhc)
  }

  @Test(arguments: ["/plans/gpu", "    discover", "        summary: 3 tests selected", "total: 1 test passed", ""])
  func otherLinesStayPlain(line: String) {
    #expect(Display.painted(line) == line)
  }
}
