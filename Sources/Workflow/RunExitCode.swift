public import TMTModel

/// tmt's `results_to_exit_code`: 3 nothing found, 2 any error, 1 any fail or warn, 4 all skipped, 2 pending left
/// (when execute ran), else 0.
package enum RunExitCode {
  /// The exit code for the results of every plan together.
  package static func code(_ results: [TestResult], executeEnabled: Bool = true) -> Int32 {
    if results.isEmpty { return 3 }
    var counts: [ResultOutcome: Int] = [:]
    for result in results { counts[result.result, default: 0] += 1 }
    let count = { (outcome: ResultOutcome) in counts[outcome] ?? 0 }
    if count(.error) > 0 { return 2 }
    if count(.fail) + count(.warn) > 0 { return 1 }
    if count(.skip) == results.count { return 4 }
    if executeEnabled && count(.pending) > 0 { return 2 }
    return 0
  }
}
