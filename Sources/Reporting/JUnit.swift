internal import HPCBasics
public import TMTModel

/// tmt's JUnit report, `default` and `subresults` flavors, with one or several plans in one document.
///
/// One plan gives tmt's layout (tmt's XSD for the flavor, plus `classname`); several plans give one `<testsuites>`
/// in the schema GitLab and Jenkins read (Jenkins' junit-10.xsd: no `disabled` attribute), since tmt's default XSD
/// allows one `<testsuite>` only. `classname` is the plan (and the guest where not the default one), `message`
/// the first reason, or the outcome's name when there is none.
package enum JUnit {
  /// The document text, laid out as tmt's lxml pretty-printer writes it. Each suite's lines are rendered on every
  /// core (`Parallel.map`) and joined in order: the same text as rendering them one after the other.
  package static func document(_ suites: [JUnitSuite], flavor: JUnitFlavor = .default) -> String {
    let single = suites.count == 1
    let parts = Parallel.map(suites) { suite in
      let lines =
        switch flavor {
        case .default: planSuite(suite, single: single)
        case .subresults: suite.cases.flatMap { resultSuite($0, plan: suite.name, single: single) }
        }
      return (JUnitTally(suite.cases), lines.joined(separator: "\n"))
    }
    let all = parts.reduce(into: JUnitTally()) { $0.add($1.0) }
    var lines = ["<?xml version='1.0' encoding='utf-8'?>"]
    lines.append("<testsuites\(disabled(single))\(all.text(skipped: false))>")
    lines += parts.lazy.map(\.1).filter { !$0.isEmpty }
    lines.append("</testsuites>")
    return lines.joined(separator: "\n") + "\n"
  }

  private static func planSuite(_ suite: JUnitSuite, single: Bool) -> [String] {
    let name = attribute(suite.name.trimmingSpaces())
    return ["  <testsuite name=\"\(name)\"\(disabled(single))\(counts(suite.cases))>"]
      + suite.cases.map { testcase($0, plan: suite.name, indent: "    ") } + ["  </testsuite>"]
  }

  /// The subresults flavor's suite for one result: its own test case between tmt's comments, then one per
  /// sub-result. Counts follow the elements written (tmt's template counts `warn` and `skip` inconsistently).
  private static func resultSuite(_ test: JUnitCase, plan: String, single: Bool) -> [String] {
    let cases = [test] + test.subcases
    let head =
      "  <testsuite name=\"\(attribute(test.name.trimmingSpaces()))\"\(disabled(single))"
      + "\(counts(cases, integral: true)) timestamp=\"\(attribute(test.startTime ?? ""))\">"
    var lines = [head, "    <!-- The extra test case representing the parent result. -->"]
    var parent = test
    parent.subcases = []
    lines.append(testcase(parent, plan: plan, indent: "    "))
    lines.append("    <!-- End of the extra parent test case. -->")
    lines += test.subcases.map { testcase($0, plan: plan, indent: "    ") }
    return lines + ["  </testsuite>"]
  }

  private static func disabled(_ single: Bool) -> String { single ? " disabled=\"0\"" : "" }

  private static func counts(_ cases: [JUnitCase], integral: Bool = false) -> String {
    guard integral else { return JUnitTally(cases).text(skipped: true) }
    var tally = JUnitTally(cases)
    tally.seconds = cases.first.map(\.seconds) ?? 0
    return tally.text(skipped: true, integral: true)
  }

  private static func testcase(_ test: JUnitCase, plan: String, indent: String) -> String {
    let time = test.seconds > 0 ? " time=\"\(test.seconds).0\"" : ""
    let classname = plan.trimmingSpaces() + (test.guest.map { " (\($0))" } ?? "")
    var children: [String] = []
    if let element = outcomeElement(test) { children.append(indent + "  " + element) }
    if let output = test.systemOut {
      let text = self.text(output)
      children.append(indent + "  " + (text.isEmpty ? "<system-out/>" : "<system-out>\(text)</system-out>"))
    }
    let open = indent + "<testcase name=\"\(attribute(test.name))\" classname=\"\(attribute(classname))\"\(time)"
    if children.isEmpty { return open + "/>" }
    return ([open + ">"] + children + [indent + "</testcase>"]).joined(separator: "\n")
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
    let head = "<\(tag) type=\"\(type)\" message=\"\(attribute(test.message ?? test.outcome.rawValue))\""
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
