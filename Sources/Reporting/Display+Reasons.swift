public import TMTModel

extension Display {
  /// The outcomes that make a result a problem worth explaining (the run's exit code counts them as failing).
  package static let failing: Set<ResultOutcome> = [.fail, .warn, .error]

  /// One line per sub-result that explains `outcome`: for a failing outcome the failing sub-results, for `skip`
  /// the skipped ones; each gives its first note (`0000:c1:00.0: PCIe link 16.0 GT/s x8, expected 16.0 GT/s x16`),
  /// or `NAME: OUTCOME` when it has none. These are what a test's `note` and the terminal show.
  package static func subresultReasons(_ subresults: [SubResult], outcome: ResultOutcome) -> [String] {
    let wanted: Set<ResultOutcome> = failing.contains(outcome) ? failing : outcome == .skip ? [.skip] : []
    return subresults.filter { wanted.contains($0.result) }.map(reason)
  }

  /// Why `result` has its outcome, one line each: its notes, the reasons of its sub-results not already among
  /// them, and the notes of its failing checks (`internal/timeout: Test exceeded maximum duration of 3s`).
  /// Empty for pass and info.
  package static func reasons(_ result: TestResult) -> [String] {
    guard failing.contains(result.result) || result.result == .skip else { return [] }
    var lines = result.note.flatMap { $0.split(separator: "\n").map(String.init) }
    for line in subresultReasons(result.subresult, outcome: result.result) where !lines.contains(line) {
      lines.append(line)
    }
    for check in result.check where failing.contains(result.result) && failing.contains(check.result) {
      let notes = check.note.isEmpty ? [check.result.rawValue] : check.note
      lines += notes.map { "\(check.name): \($0)" }
    }
    return lines
  }

  /// A sub-result's first note, or `NAME: OUTCOME` (the name without its leading `/`).
  package static func reason(_ subresult: SubResult) -> String {
    if let note = subresult.note.first { return note }
    return "\(bare(subresult.name)): \(subresult.result.rawValue)"
  }

  /// NHC-style lines for the end of a run, one per failing device (or failing test without failing sub-results),
  /// each printed once even when several plans or guests found it: `FAIL /tests/gpu/pcie-link 0000:c1:00.0: PCIe
  /// link 16.0 GT/s x8, expected 16.0 GT/s x16`, `ERROR /tests/x (on client-1): internal/timeout: ...`.
  package static func failureList(_ results: [TestResult]) -> [String] {
    var seen: Set<String> = []
    var lines: [String] = []
    for result in results where failing.contains(result.result) {
      let subject = result.name + (result.guest.name == "default-0" ? "" : " (on \(result.guest.name))")
      let devices = result.subresult.filter { failing.contains($0.result) }
      let entries: [(ResultOutcome, String)] =
        devices.isEmpty
        ? [(result.result, reasons(result).first.map { subject + ": " + $0 } ?? subject)]
        : devices.map { ($0.result, subject + " " + reason($0)) }
      for (outcome, text) in entries {
        let line = (outcome == .error ? "ERROR" : outcome.rawValue.uppercased()) + " " + text
        if seen.insert(line).inserted { lines.append(line) }
      }
    }
    return lines
  }

  private static func bare(_ name: String) -> String { name.hasPrefix("/") ? String(name.dropFirst()) : name }
}
