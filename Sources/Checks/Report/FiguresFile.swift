/// Renders ReFrame-style figures as YAML for `$TMT_TEST_DATA/hpctest-figures.yaml` (appended per check).
package enum FiguresFile {
  /// The file name under `$TMT_TEST_DATA`.
  package static let fileName = "hpctest-figures.yaml"

  /// One list entry per figure.
  package static func render(_ result: CheckResult) -> String {
    result.figures.map { figure in
      var text = "- check: \"\(TMTReportFile.escape(result.check))\"\n"
      text += "  name: \"\(TMTReportFile.escape(figure.name))\"\n"
      text += "  value: \(number(figure.value))\n"
      text += "  reference: \(figure.reference.map(number) ?? "null")\n"
      text += "  lower: \(figure.lower.map(number) ?? "null")\n"
      text += "  upper: \(figure.upper.map(number) ?? "null")\n"
      text += "  unit: \"\(TMTReportFile.escape(figure.unit))\"\n"
      text += "  result: \"\(figure.withinTolerance ? "pass" : "fail")\"\n"
      return text
    }.joined()
  }

  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
