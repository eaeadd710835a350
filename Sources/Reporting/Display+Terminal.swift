public import TMTModel

extension Display {
  /// What a finished test prints at default verbosity: tmt's `-v` line (`00:00:01 fail /tests/x (on default-0)
  /// [4/17]`) and, for fail, warn and error, its reasons right under it, one per line.
  package static func finishedLines(_ result: TestResult, guest: String?, progress: String?) -> [String] {
    var header = "\(result.duration ?? "..:..:..") \(label(result.result)) \(result.name)"
    if let guest { header += " (on \(guest))" }
    if let progress { header += " \(progress)" }
    guard failing.contains(result.result) else { return [header] }
    return [header] + reasons(result).map { indent + $0 }
  }

  /// tmt's live progress text for the test about to run: `/tests/gpu/ecc [4/17]` (after the `progress: ` key).
  package static func progress(_ name: String, index: Int, count: Int) -> String { "\(name) [\(index)/\(count)]" }

  /// `line` with ANSI colours as tmt uses them: the outcome of a result line (`00:00:01 fail ...`), the leading
  /// outcome of a failure-list line (`FAIL ...`) and the `progress:` key. `line` must already be escaped for the
  /// terminal; other lines come back unchanged.
  package static func painted(_ line: String) -> String {
    let body = line.drop(while: { $0 == " " })
    let indentation = String(line.prefix(line.count - body.count))
    let words = body.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
    if words.count == 3, isClock(words[0]), let color = outcomeColor(String(words[1])) {
      return indentation + String(words[0]) + " " + paint(String(words[1]), color) + " " + String(words[2])
    }
    if words.count >= 2, words[0] == words[0].uppercased(),
      let outcome = ResultOutcome(rawValue: words[0].lowercased()),
      let color = outcomeColor(outcome.rawValue)
    {
      return indentation + paint(String(words[0]), color) + String(body.dropFirst(words[0].count))
    }
    if body.hasPrefix("progress: ") { return indentation + paint("progress:", "36") + String(body.dropFirst(9)) }
    return line
  }

  /// tmt's outcome colours: pass green, fail red, info blue, warn yellow, error magenta, skip white, pending cyan.
  private static func outcomeColor(_ label: String) -> String? {
    switch label {
    case "pass": "32"
    case "fail": "31"
    case "info": "34"
    case "warn": "33"
    case "errr", "error": "35"
    case "skip": "37"
    case "pending": "36"
    default: nil
    }
  }

  private static func paint(_ text: String, _ color: String) -> String { "\u{1B}[\(color)m\(text)\u{1B}[0m" }

  private static func isClock(_ word: Substring) -> Bool {
    word.count == 8 && word.allSatisfy { $0.isNumber || $0 == ":" || $0 == "." }
  }
}
