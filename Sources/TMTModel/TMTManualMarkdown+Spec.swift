extension TMTManualMarkdown {
  private enum Section: String {
    case setup = "Setup", test = "Test", step = "Step", expect = "Expect", cleanup = "Cleanup"
  }

  private struct TestSection {
    var name: String
    var steps = 0
    var expects = 0
  }

  /// tmt's warnings for the headings of a manual test file, in tmt's order; empty when it respects the spec.
  package static func warnings(_ text: String) -> [String] {
    var warnings: [String] = []
    var tests: [TestSection] = []
    var current: Int?
    var setup: [String] = []
    var cleanup: [String] = []
    for heading in headings(text) where heading.level <= 4 {
      let section = section(heading)
      if section == nil { warnings.append("unknown html heading \"\(heading.html)\" is used") }
      if section == .setup { setup.append(heading.html) }
      if section == .cleanup { cleanup.append(heading.html) }
      if heading.level == 1 {
        current = section == .test ? tests.count : nil
        if section == .test { tests.append(TestSection(name: heading.html)) }
        continue
      }
      if let current {
        switch section {
        case .step: tests[current].steps += 1
        case .expect: tests[current].expects += 1
        default:
          warnings.append("Heading \"\(heading.html)\" isn't expected in the section \"\(tests[current].name)\"")
        }
      } else if let section, section == .step || section == .expect {
        warnings.append(
          "Heading \"\(heading.html)\" from the section \"\(section.rawValue)\" is used outside of Test sections.")
      }
    }
    for list in [setup, cleanup] where list.count > 1 {
      warnings.append("\(list.count) headings \"\(list[0])\" are used")
    }
    guard !tests.isEmpty else { return warnings + ["\"Test\" section doesn't exist in the Markdown file"] }
    for test in tests where test.steps != test.expects {
      warnings.append(
        "The number of headings from the section \"Step\" - \(test.steps) doesn't equal to the number of headings"
          + " from the section \"Expect\" - \(test.expects) in the test section \"\(test.name)\"")
    }
    return warnings
  }

  /// tmt's `SECTIONS_HEADINGS`: the section a heading belongs to, by tag and (space-normalised) text.
  private static func section(_ heading: Heading) -> Section? {
    let text = heading.html.dropFirst(4).dropLast(5).trimmingCharacters(in: " \t\n")
    let words = text.split(whereSeparator: \.isWhitespace)
    switch heading.level {
    case 1:
      if text == "Setup" { return .setup }
      if text == "Cleanup" { return .cleanup }
      if text == "Test" || (words.first == "Test" && words.count > 1 && text.dropFirst(4).first?.isWhitespace == true) {
        return .test
      }
    case 2:
      if text == "Step" || words == ["Test", "Step"] { return .step }
      if text == "Expect" || text == "Result" || words == ["Expected", "Result"] { return .expect }
    default: break
    }
    return nil
  }
}
