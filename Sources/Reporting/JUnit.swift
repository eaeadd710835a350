public import TMTModel

/// One `<testcase>` of a JUnit report.
package struct JUnitCase: Sendable, Hashable {
  /// The result name.
  package var name: String
  /// The outcome.
  package var outcome: ResultOutcome
  /// Whole seconds (the `time` attribute is omitted when 0).
  package var seconds: Int
  /// Lines of the result's `failures.yaml` files (the body of `<failure>`/`<error>`/`<skipped>`).
  package var failureLines: [String]
  /// The first log's content; nil when the result has no log (no `<system-out>`).
  package var systemOut: String?

  /// Creates a test case.
  package init(name: String, outcome: ResultOutcome, seconds: Int, failureLines: [String] = [], systemOut: String?) {
    self.name = name
    self.outcome = outcome
    self.seconds = seconds
    self.failureLines = failureLines
    self.systemOut = systemOut
  }
}

/// One `<testsuite>`: a plan and its results.
package struct JUnitSuite: Sendable, Hashable {
  /// The plan name.
  package var name: String
  /// Its test cases, in results order.
  package var cases: [JUnitCase]

  /// Creates a suite.
  package init(name: String, cases: [JUnitCase]) {
    self.name = name
    self.cases = cases
  }
}

/// tmt's default JUnit flavor (valid against tmt's `default.xsd`), with one `<testsuite>` per plan in one document.
package enum JUnit {
  /// The document text, laid out as tmt's lxml pretty-printer writes it.
  package static func document(_ suites: [JUnitSuite]) -> String {
    let all = suites.flatMap(\.cases)
    var lines = ["<?xml version='1.0' encoding='utf-8'?>"]
    lines.append("<testsuites disabled=\"0\"\(counts(all, skipped: false))>")
    for suite in suites {
      lines.append(
        "  <testsuite name=\"\(attribute(suite.name.trimmingSpaces()))\" disabled=\"0\"\(counts(suite.cases))>")
      lines += suite.cases.map(testcase)
      lines.append("  </testsuite>")
    }
    lines.append("</testsuites>")
    return lines.joined(separator: "\n") + "\n"
  }

  private static func counts(_ cases: [JUnitCase], skipped: Bool = true) -> String {
    let errors = cases.filter { [.error, .warn, .pending].contains($0.outcome) }.count
    let failures = cases.filter { $0.outcome == .fail }.count
    let skips = cases.filter { $0.outcome == .skip || $0.outcome == .info }.count
    let time = cases.reduce(0) { $0 + $1.seconds }
    let skippedText = skipped ? " skipped=\"\(skips)\"" : ""
    return " errors=\"\(errors)\" failures=\"\(failures)\"\(skippedText) tests=\"\(cases.count)\" time=\"\(time).0\""
  }

  private static func testcase(_ test: JUnitCase) -> String {
    let time = test.seconds > 0 ? " time=\"\(test.seconds).0\"" : ""
    var children: [String] = []
    if let element = outcomeElement(test) { children.append("      " + element) }
    if let output = test.systemOut {
      let text = self.text(output)
      children.append(text.isEmpty ? "      <system-out/>" : "      <system-out>\(text)</system-out>")
    }
    let open = "    <testcase name=\"\(attribute(test.name))\"\(time)"
    if children.isEmpty { return open + "/>" }
    return ([open + ">"] + children + ["    </testcase>"]).joined(separator: "\n")
  }

  private static func outcomeElement(_ test: JUnitCase) -> String? {
    let tag: String
    let type: String
    switch test.outcome {
    case .error, .warn, .pending: (tag, type) = ("error", "error")
    case .fail: (tag, type) = ("failure", "failure")
    case .skip, .info: (tag, type) = ("skipped", "skipped")
    case .pass: return nil
    }
    let head = "<\(tag) type=\"\(type)\" message=\"\(test.outcome.rawValue)\""
    let body = text(test.failureLines.joined(separator: "\n"))
    return body.isEmpty ? head + "/>" : head + ">" + body + "</\(tag)>"
  }
}

extension String {
  /// The string without leading and trailing whitespace (Jinja's `trim`).
  func trimmingSpaces() -> String {
    var slice = Substring(self)
    while let first = slice.first, first.isWhitespace { slice.removeFirst() }
    while let last = slice.last, last.isWhitespace { slice.removeLast() }
    return String(slice)
  }
}
