import ArgumentParser
import TMTModel

/// A value of `--outcome-only`: tmt's linter outcomes (`fixed` is accepted; hpctest never fixes).
enum LintOutcomeChoice: String, ExpressibleByArgument, CaseIterable {
  case skip, pass, fail, warn, fixed

  /// The outcome, nil for `fixed` (never produced).
  var outcome: TMTLintResult.Outcome? { TMTLintResult.Outcome(rawValue: rawValue) }
}

/// tmt's `_apply_linters` + printing: which objects and lines are shown, and whether the exit code is 1.
struct LintPrinter {
  var failedOnly: Bool
  /// Allowed outcomes; empty allows all.
  var outcomes: Set<TMTLintResult.Outcome>
  private(set) var output = ""
  private(set) var failed = false

  init(failedOnly: Bool, outcomes: Set<TMTLintResult.Outcome>) {
    self.failedOnly = failedOnly
    self.outcomes = outcomes
  }

  /// Adds one object's block unless tmt would hide it; an invalid object that is shown makes the exit code 1.
  mutating func add(header: String, results: [TMTLintResult]) {
    let valid = !results.contains { $0.outcome == .fail }
    if valid && failedOnly { return }
    let allowed = outcomes.isEmpty ? results : results.filter { outcomes.contains($0.outcome) }
    if allowed.isEmpty && !outcomes.isEmpty { return }
    output += ([header] + allowed.map(\.line)).joined(separator: "\n") + "\n\n"
    if !valid { failed = true }
  }
}
