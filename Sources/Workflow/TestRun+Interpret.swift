import Executors
import HPCBasics
import Reporting
import TMTModel
import YAML

extension TestRun {
  /// What decided the outcome before `result:` and checks: internal checks, notes and whether to stop.
  struct Verdict {
    var outcome: ResultOutcome = .error
    var checks: [CheckResult] = []
    var notes: [String] = []
    var stop: String?
  }

  /// The result as tmt records it: exit code or reports, then timeout/abort/interrupt/restart facts, then the
  /// `result:` key and the checks.
  func interpret(_ facts: TestFacts) -> TestRunOutcome {
    guard let status = facts.status else {
      dropProvisional(facts, output: false)
      return TestRunOutcome(main: errorResult(note: facts.spawnError ?? "the test did not start", facts: facts))
    }
    let reports = TestReports.read(
      data + "/tmt-report-results.yaml", relative: relative + "/data", testName: test.test.name)
    var verdict = verdict(status, facts: facts, reports: reports)
    verdict.checks = facts.checks + verdict.checks
    let failuresPath = reports.results.isEmpty ? "failures.yaml" : "data/failures.yaml"
    writeFailures(to: failuresPath, facts: facts)
    var result = baseResult(facts)
    result.log = [relative + "/output.txt", relative + "/" + failuresPath] + submittedLogs() + figuresLog()
    result.subresult = reports.results
    result.originalResult = verdict.outcome
    result.check = verdict.checks
    var run = TestRunOutcome(main: result, stop: verdict.stop, interrupted: status.cancelled)
    switch test.test.result {
    case "custom": run = CustomResults(run: self, facts: facts).outcome(base: result, stop: verdict.stop)
    case "restraint" where restraintCanSplit(reports, verdict):
      run.main = nil
      run.extras = restraintResults(reports.results, base: result)
    default: run.main = finish(result, outcome: verdict.outcome, notes: verdict.notes)
    }
    run.interrupted = status.cancelled
    return run
  }

  /// Timeout, interrupt, abort, reboot and exhausted restarts are errors with tmt's internal checks; otherwise
  /// the reports decide, or the exit code.
  private func verdict(_ status: ProcessOutcome, facts: TestFacts, reports: TestReports) -> Verdict {
    let time = facts.end.iso8601
    var verdict = Verdict()
    if status.timedOut || status.shellStatus == 124 {
      appendToOutput(ResultInterpretation.timeoutHint(facts.durationText))
      verdict.checks = [internalCheck("timeout", "Test exceeded maximum duration of \(facts.durationText)", time)]
    } else if status.cancelled {
      verdict.checks = [internalCheck("interrupt", "Test interrupted by signal", time)]
      verdict.stop = "Test \(test.test.name) interrupted, stopping execution."
    } else if FileSystem.exists(data + "/abort") {
      verdict.checks = [
        internalCheck("abort", "Test aborted", time), internalCheck("interrupt", "Test interrupted by signal", time),
      ]
      verdict.stop = "Test \(test.test.name) aborted, stopping execution."
    } else if FileSystem.exists(data + "/reboot-request") {
      verdict.checks = [internalCheck("guest", "Test failed due to guest reboot timeout.", time)]
      verdict.notes = ["tmt-reboot is not supported on guest '\(context.guest)'"]
    } else if facts.restartsExhausted {
      let message =
        "Test reached maximum restart attempts (\(facts.restartMax)). You may want to set restart-max-count larger."
      verdict.checks = [internalCheck("invocation", message, time)]
    } else if let problem = reports.problem {
      verdict.notes = [problem]
    } else if !reports.results.isEmpty {
      if let reduced = ResultInterpretation.reduceReports(reports.results.map(\.result)) {
        verdict.outcome = reduced
      } else {
        let bad = reports.results.map(\.result.rawValue).joined(separator: ", ")
        verdict.notes = ["tmt-report-result outcomes must be pass, fail, warn or skip to decide the result, got \(bad)"]
      }
    } else {
      verdict.outcome = ResultInterpretation.outcome(exitCode: status.shellStatus)
    }
    return verdict
  }

  private func finish(_ base: TestResult, outcome: ResultOutcome, notes: [String]) -> TestResult {
    var result = base
    let (keyed, keyNotes) = ResultInterpretation.apply(resultKey: test.test.result, to: outcome)
    var final = keyed
    var allNotes = notes + keyNotes
    if test.test.result != "info" {
      let (checked, checkNotes) = ResultInterpretation.applyChecks(base.check, settings: checkModes, to: keyed)
      final = checked
      allNotes += checkNotes
    }
    result.result = final
    // The reasons of sub-results that carry one (`hpctest check` writes a note per device) first, so JUnit's
    // `message` and the terminal lead with them; tmt leaves a failing test's note empty and keeps them in the
    // sub-results only. A plain `tmt-report-result` sub-result has no note: such a test keeps tmt's notes.
    let noted = base.subresult.filter { !$0.note.isEmpty }
    result.note = Display.subresultReasons(noted, outcome: final) + allNotes
    return result
  }

  private var checkModes: [String: String] {
    var modes: [String: String] = [:]
    for check in test.test.check {
      if let how = check["how"]?.scalarText { modes[how] = check["result"]?.scalarText ?? "respect" }
    }
    return modes
  }

  /// `result: restraint` makes one result per report only when there are valid reports and nothing else
  /// (timeout, interrupt, abort) decided: otherwise the test keeps its one result, so no test goes unrecorded.
  private func restraintCanSplit(_ reports: TestReports, _ verdict: Verdict) -> Bool {
    !reports.results.isEmpty && reports.problem == nil && !verdict.checks.contains { $0.name.hasPrefix("internal/") }
  }

  private func restraintResults(_ reports: [SubResult], base: TestResult) -> [TestResult] {
    reports.map { report in
      var result = base
      result.name = test.test.name + report.name
      result.result = report.result
      result.originalResult = report.originalResult
      result.log = report.log.isEmpty ? [relative + "/output.txt"] : report.log
      result.subresult = []
      result.check = []
      result.note = []
      return result
    }
  }

  /// Fields every result of this test shares.
  func baseResult(_ facts: TestFacts) -> TestResult {
    let seconds = Timestamp.elapsed(from: facts.start, to: facts.end)
    return TestResult(
      name: test.test.name, serialNumber: test.serial, result: .pass, startTime: facts.start.iso8601,
      endTime: facts.end.iso8601, duration: Timestamp.clock(seconds: seconds), dataPath: relative + "/data",
      guest: context.resultGuest, fmfID: [("name", test.test.name)], context: context.options.context,
      ids: ids)
  }

  private var ids: [(String, String?)] {
    [("id", test.test.id)] + test.test.extra.map { ($0.0, $0.1.scalarText) }
  }

  /// An `error` result with `note` (the test could not run as asked).
  func errorResult(note: String, facts: TestFacts = TestFacts()) -> TestResult {
    var result = baseResult(facts)
    result.result = .error
    result.originalResult = .error
    result.note = [note]
    result.log = FileSystem.exists(output) ? [relative + "/output.txt"] : []
    return result
  }

  func internalCheck(_ name: String, _ note: String, _ time: String) -> CheckResult {
    CheckResult(
      name: "internal/" + name, event: "after-test", result: .fail, note: [note], startTime: time, endTime: time,
      duration: "00:00:00")
  }

  private func appendToOutput(_ text: String) {
    let existing = FileSystem.readText(output) ?? ""
    FileSystem.write(output, existing + text)
  }

  /// `failures.yaml` (or `data/failures.yaml`) in the invocation directory, through its open descriptor; the
  /// provisional `failures.yaml` is kept when it already says what to write, removed when the failures go to
  /// `data/` instead.
  private func writeFailures(to relativePath: String, facts: TestFacts) {
    let directory = facts.directory
    let lines = ResultInterpretation.failureLines(FileSystem.readText(output) ?? "")
    let text = lines.isEmpty ? Self.noFailures : YAMLEmitter.emit(YAMLTree.strings(lines))  // the emitter's empty list
    let inData = relativePath.hasPrefix("data/")
    if facts.provisional, let directory, directory.holds("failures.yaml", Self.noFailures) {
      if !inData && lines.isEmpty { return }
      if inData { directory.remove("failures.yaml") }
    }
    let parent = inData ? directory?.subdirectory("data") : directory
    if let parent {
      parent.write(Path.basename(relativePath), text)
    } else {
      FileSystem.write(invocation + "/" + relativePath, text)
    }
  }

  /// `data/hpctest-figures.yaml` (the checks' performance figures) when the test wrote one and did not submit it
  /// already, so tools reading results.yaml find the figures from the result's `log`.
  private func figuresLog() -> [String] {
    let name = "hpctest-figures.yaml"
    guard FileSystem.exists(data + "/" + name), !submittedLogs().contains(relative + "/data/" + name) else {
      return []
    }
    return [relative + "/data/" + name]
  }

  private func submittedLogs() -> [String] {
    guard let text = FileSystem.readText(invocation + "/submitted-files.log") else { return [] }
    return text.split(separator: "\n").map { relative + "/data/" + $0 }
  }
}
