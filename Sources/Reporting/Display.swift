public import TMTModel

/// tmt's `display` report: result lines as `tmt -v` prints them and the summary sentence.
package enum Display {
  /// Indentation per level (tmt's `INDENT`).
  package static let indent = "    "

  /// The lines for one result at `verbosity` (1 = `-v`), relative to the step's indentation.
  /// `progress` is `[k/N]` during execute; `guest` is printed as `(on NAME)` when given.
  package static func lines(
    _ result: TestResult, verbosity: Int, executeDirectory: String, guest: String? = nil, progress: String? = nil
  ) -> [String] {
    var header = "\(clock(result.duration)) \(label(result.result)) \(result.name)"
    if let guest { header += " (on \(guest))" }
    if let progress { header += " \(progress)" }
    var lines = [header]
    lines += indented(notes(result.note))
    lines += indented(logs(result.log, verbosity: verbosity, base: executeDirectory))
    for check in result.check {
      lines.append(indent + "\(clock(check.duration)) \(label(check.result)) \(check.name) (\(check.event) check)")
      lines += indented(indented(notes(check.note)))
    }
    for sub in result.subresult {
      lines.append(indent + "\(clock(sub.duration)) \(label(sub.result)) \(sub.name) (subresult)")
      lines += indented(indented(notes(sub.note)))
      lines += indented(indented(logs(sub.log, verbosity: verbosity, base: executeDirectory)))
    }
    return lines
  }

  /// `2 tests passed, 1 test failed, 1 info and 2 errors`, or `no results found`.
  package static func summary(_ results: [TestResult]) -> String {
    var counts: [ResultOutcome: Int] = [:]
    for result in results { counts[result.result, default: 0] += 1 }
    let count = { (outcome: ResultOutcome) in counts[outcome] ?? 0 }
    var parts: [String] = []
    if count(.pass) > 0 { parts.append(listed(count(.pass), "test") + " passed") }
    if count(.fail) > 0 { parts.append(listed(count(.fail), "test") + " failed") }
    if count(.skip) > 0 { parts.append(listed(count(.skip), "test") + " skipped") }
    if count(.info) > 0 { parts.append(listed(count(.info), "info")) }
    if count(.warn) > 0 { parts.append(listed(count(.warn), "warn")) }
    if count(.error) > 0 { parts.append(listed(count(.error), "error")) }
    if count(.pending) > 0 { parts.append("\(count(.pending)) pending") }
    return joined(parts.isEmpty ? ["no results found"] : parts)
  }

  /// fmf's `listed(n, word)`: `1 test`, `2 tests`.
  package static func listed(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

  /// fmf's `listed(items)`: `a`, `a and b`, `a, b and c`.
  package static func joined(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + items.last!
  }

  /// `errr` for error, the outcome name otherwise.
  package static func label(_ outcome: ResultOutcome) -> String { outcome == .error ? "errr" : outcome.rawValue }

  private static func clock(_ duration: String?) -> String { duration ?? "..:..:.." }

  private static func notes(_ notes: [String]) -> [String] {
    notes.flatMap { note -> [String] in
      let parts = note.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      return ["Note: " + (parts.first ?? "")] + parts.dropFirst().map { "      " + $0 }
    }
  }

  private static func logs(_ logs: [String], verbosity: Int, base: String) -> [String] {
    guard verbosity > 1, !logs.isEmpty else { return [] }
    var lines = [verbosity > 2 ? "logs (with content):" : "logs:"]
    for log in logs {
      let path = log.hasPrefix("/") ? log : base + "/" + log
      lines.append(indent + "\(basename(log)) (\(path))")
      if verbosity > 2 && basename(log) == "output.txt", let content = readText(path) {
        var body = content.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if body.last == "" { body.removeLast() }
        lines += body.map { indent + indent + "content: " + $0 }
      }
    }
    return lines
  }

  private static func indented(_ lines: [String]) -> [String] { lines.map { indent + $0 } }

  private static func basename(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}
