public import TMTModel

/// tmt's rules turning what a test did into a result (pure).
package enum ResultInterpretation {
  /// 0 → pass, 1 → fail, anything else → error.
  package static func outcome(exitCode: Int32) -> ResultOutcome {
    exitCode == 0 ? .pass : exitCode == 1 ? .fail : .error
  }

  /// The worst of `tmt-report-result` outcomes ranked skip < pass < warn < fail; an `error`, `info` or `pending`
  /// report is outside that ranking (tmt crashes on it) and gives nil.
  package static func reduceReports(_ outcomes: [ResultOutcome]) -> ResultOutcome? {
    let ranking: [ResultOutcome] = [.skip, .pass, .warn, .fail]
    var worst = -1
    for outcome in outcomes {
      guard let rank = ranking.firstIndex(of: outcome) else { return nil }
      worst = max(worst, rank)
    }
    return worst >= 0 ? ranking[worst] : nil
  }

  /// The `result:` key applied to `outcome`: the new outcome and the notes tmt adds.
  package static func apply(resultKey: String, to outcome: ResultOutcome) -> (ResultOutcome, [String]) {
    switch resultKey {
    case "xfail":
      if outcome == .fail { return (.pass, ["test failed as expected", "original test result: fail"]) }
      if outcome == .pass { return (.fail, ["test was expected to fail", "original test result: pass"]) }
      return (outcome, [])
    case "pass", "fail", "info", "warn", "error":
      let forced = ResultOutcome(rawValue: resultKey)!
      var notes = ["test result overridden: \(resultKey)"]
      if forced != outcome { notes.append("original test result: \(outcome.rawValue)") }
      return (forced, notes)
    default:
      return (outcome, [])
    }
  }

  /// Check results folded into the test outcome (internal checks never change it): `respect` checks count with
  /// their outcome, `xfail` ones inverted, `info` ones not at all.
  package static func applyChecks(
    _ checks: [CheckResult], settings: [String: String], to outcome: ResultOutcome
  ) -> (ResultOutcome, [String]) {
    var notes: [String] = []
    var contributions: [ResultOutcome] = [outcome]
    var seen: Set<String> = []
    for check in checks where !check.name.hasPrefix("internal/") {
      let mode = settings[check.name] ?? "respect"
      let failed = checks.contains { $0.name == check.name && $0.result == .fail }
      guard seen.insert(check.name).inserted else { continue }
      let worst = ResultOutcome.worst(checks.filter { $0.name == check.name }.map(\.result)) ?? .pass
      switch mode {
      case "info":
        notes.append("check '\(check.name)' is informational")
      case "xfail":
        notes.append(
          failed ? "check '\(check.name)' failed as expected" : "check '\(check.name)' did not fail as expected")
        contributions.append(failed ? .pass : .fail)
      default:
        if failed { notes.append("check '\(check.name)' failed") }
        contributions.append(worst == .skip ? .pass : worst)
      }
    }
    let final = ResultOutcome.worst(contributions) ?? outcome
    if final != outcome { notes.append("original test result: \(outcome.rawValue)") }
    return (final, notes)
  }

  /// Output lines tmt lists in `failures.yaml`: those containing the word `error` or `fail` (any case).
  package static func failureLines(_ output: String) -> [String] {
    guard mayContainWord(output.utf8) else { return [] }
    return output.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
      let lower = line.lowercased()
      return hasWord("error", in: lower) || hasWord("fail", in: lower) ? String(line) : nil
    }
  }

  /// False when `error` and `fail` appear nowhere in `text` in any ASCII case: then no line can hold them, since
  /// lowercasing maps no other character onto those letters alone (`İ` becomes `i̇`, not `i`). Most tests print
  /// neither word; their output is not split into lines.
  private static func mayContainWord(_ text: String.UTF8View) -> Bool {
    let words: [[UInt8]] = [Array("error".utf8), Array("fail".utf8)]
    var matched = [0, 0]
    for byte in text {
      let lower = byte | 0x20  // ASCII letters to lower case; other bytes cannot complete a match either way
      for index in 0..<2 {
        let word = words[index]
        if lower == word[matched[index]] {
          matched[index] += 1
          if matched[index] == word.count { return true }
        } else {
          matched[index] = lower == word[0] ? 1 : 0  // restarting at 0 or 1 is exact: no word repeats its first letter
        }
      }
    }
    return false
  }

  private static func hasWord(_ word: String, in line: String) -> Bool {
    var rest = Substring(line)
    while let range = rest.firstRange(of: word) {
      let before = range.lowerBound == line.startIndex ? nil : line[line.index(before: range.lowerBound)]
      let after = range.upperBound == line.endIndex ? nil : line[range.upperBound]
      let isWordChar = { (c: Character?) in c.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false }
      if !isWordChar(before) && !isWordChar(after) { return true }
      rest = line[range.upperBound...]
    }
    return false
  }

  /// The lines tmt appends to output.txt when a test hits its duration.
  package static func timeoutHint(_ duration: String) -> String {
    "\nMaximum test time '\(duration)' exceeded.\nAdjust the test 'duration' attribute if necessary.\n"
      + "https://tmt.readthedocs.io/en/stable/spec/tests.html#duration\n"
  }
}
