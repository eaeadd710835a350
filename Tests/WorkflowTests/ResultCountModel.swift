import TMTModel

@testable import Workflow

/// One generated test for `ResultCountPropertyTests`: what it does, its `result:` mode, the custom results or
/// `tmt-report-result` reports it writes, and the results tmt's rules give for that.
struct GeneratedTest: CustomStringConvertible {
  enum Behaviour: Equatable { case exit(Int32), crash, timeout }
  /// The results file the test writes: none, one with an invalid outcome, or these outcomes.
  enum Reports: Equatable { case none, invalid, outcomes([ResultOutcome]) }

  var behaviour: Behaviour
  var mode: String
  var reports: Reports
  /// Custom results: the first entry is `/` (the test itself).
  var customMain: Bool
  /// The run is interrupted (Ctrl-C) while this test runs.
  var interrupted = false

  static func random(using generator: inout SplitMix64) -> GeneratedTest {
    let modes = [
      "respect", "respect", "xfail", "info", "pass", "fail", "warn", "error", "custom", "custom",
      "restraint", "restraint",
    ]
    let mode = modes.randomElement(using: &generator)!
    let roll = Int.random(in: 0..<100, using: &generator)
    let behaviour: Behaviour =
      roll < 4 ? .timeout : roll < 14 ? .crash : .exit(Int32.random(in: 0...2, using: &generator))
    let choices: [ResultOutcome] =
      mode == "custom" ? [.pass, .fail, .warn, .info, .skip, .error] : [.pass, .fail, .warn, .skip]
    let kind = Int.random(in: 0..<100, using: &generator)
    let count = Int.random(in: 1...3, using: &generator)
    let outcomes = (0..<count).map { _ in choices.randomElement(using: &generator)! }
    let reports: Reports = kind < 20 ? .none : kind < 35 ? .invalid : .outcomes(outcomes)
    return GeneratedTest(
      behaviour: behaviour, mode: mode, reports: mode == "custom" || mode == "restraint" ? reports : .none,
      customMain: Bool.random(using: &generator))
  }

  var description: String { "\(mode) \(behaviour) \(reports)\(interrupted ? " interrupted" : "")" }

  /// A test to be interrupted waits for the Ctrl-C with a long duration: with `1s` a slow machine (a sanitizer
  /// build) could reach the timeout before the interrupt, and the run would rightly not be interrupted.
  func test(index: Int) -> TMTTest {
    let duration = behaviour == .timeout && !interrupted ? "1s" : "1m"
    return Harness.test("/tests/t\(index)", script, duration: duration, result: mode)
  }

  private var script: String {
    var lines: [String] = []
    let file = mode == "custom" ? "results.yaml" : "tmt-report-results.yaml"
    switch reports {
    case .none: break
    case .invalid: lines.append("printf -- '- name: /x\\n  result: bogus\\n' > \"$TMT_TEST_DATA/\(file)\"")
    case .outcomes(let outcomes):
      let entries = outcomes.enumerated().map { index, outcome in
        "- name: \(entryName(index))\\n  result: \(outcome.rawValue)\\n"
      }
      lines.append("printf -- '\(entries.joined())' > \"$TMT_TEST_DATA/\(file)\"")
    }
    if interrupted { return (lines + ["touch \"$TMT_TEST_DATA/started\"", "sleep 60"]).joined(separator: "\n") }
    switch behaviour {
    case .exit(let code): lines.append("exit \(code)")
    case .crash: lines.append("kill -SEGV $$")
    case .timeout: lines.append("sleep 30")
    }
    return lines.joined(separator: "\n")
  }

  private func entryName(_ index: Int) -> String {
    mode == "custom" ? (index == 0 && customMain ? "/" : "/sub\(index)") : "/r\(index)"
  }

  /// The results tmt's rules give: (name, outcome) pairs.
  func expected(name: String, pending: Bool) -> [(String, ResultOutcome)] {
    if pending { return [(name, .pending)] }
    let stopped = interrupted || behaviour == .timeout
    switch (mode, reports) {
    case ("custom", .outcomes(let outcomes)):
      return outcomes.enumerated().map { index, outcome in
        (entryName(index) == "/" ? name : name + entryName(index), outcome)
      }
    case ("custom", _):
      return [(name, .error)]
    case ("restraint", .outcomes(let outcomes)) where !stopped:
      return outcomes.enumerated().map { index, outcome in (name + entryName(index), outcome) }
    case ("restraint", .outcomes), ("restraint", .invalid):
      return [(name, .error)]
    default:
      return [(name, Self.apply(mode, to: stopped ? .error : exitOutcome))]
    }
  }

  private var exitOutcome: ResultOutcome {
    switch behaviour {
    case .exit(0): .pass
    case .exit(1): .fail
    default: .error
    }
  }

  private static func apply(_ mode: String, to outcome: ResultOutcome) -> ResultOutcome {
    switch mode {
    case "xfail": outcome == .fail ? .pass : outcome == .pass ? .fail : outcome
    case "info", "pass", "fail", "warn", "error": ResultOutcome(rawValue: mode)!
    default: outcome
    }
  }
}

/// One generated run: a few tests, maybe interrupted while one of them runs.
struct Scenario: CustomStringConvertible {
  var cases: [GeneratedTest]
  var interruptAt: Int?

  static func random(using generator: inout SplitMix64) -> Scenario {
    var cases = (0..<Int.random(in: 1...4, using: &generator)).map { _ in GeneratedTest.random(using: &generator) }
    var interruptAt: Int?
    if Int.random(in: 0..<8, using: &generator) == 0 {
      let index = Int.random(in: 0..<cases.count, using: &generator)
      cases[index].interrupted = true
      interruptAt = index
    }
    return Scenario(cases: cases, interruptAt: interruptAt)
  }

  var description: String { cases.map(\.description).joined(separator: "; ") }

  /// Every expected (name, outcome), tests after the interrupted one `pending`.
  func expectedResults() -> [(String, ResultOutcome)] {
    cases.enumerated().flatMap { index, item in
      item.expected(name: "/tests/t\(index)", pending: interruptAt.map { index > $0 } ?? false)
    }
  }
}
