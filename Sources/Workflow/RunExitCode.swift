package import Reporting
public import TMTModel

/// tmt's `results_to_exit_code`: 3 nothing found, 2 any error, 1 any fail or warn, 4 all skipped, 2 pending left
/// (when execute ran), else 0.
package enum RunExitCode {
  /// The exit code for the results of every plan together.
  package static func code(_ results: [TestResult], executeEnabled: Bool = true) -> Int32 {
    code(OutcomeCounts(results.lazy.map(\.result)), executeEnabled: executeEnabled)
  }

  /// The exit code for outcomes already counted.
  package static func code(_ count: OutcomeCounts, executeEnabled: Bool = true) -> Int32 {
    if count.total == 0 { return 3 }
    if count[.error] > 0 { return 2 }
    if count[.fail] + count[.warn] > 0 { return 1 }
    if count[.skip] == count.total { return 4 }
    if executeEnabled && count[.pending] > 0 { return 2 }
    return 0
  }
}
