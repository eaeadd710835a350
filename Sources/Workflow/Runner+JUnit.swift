import HPCBasics
import Reporting
import TMTModel

extension Runner {
  /// The JUnit flavor: `report --flavor`, else the plan's `report: {how: junit, flavor: F}`, else `default`.
  func junitFlavor(_ plan: TMTPlan?) -> JUnitFlavor {
    let phase = plan?.phases(.report).first { $0.how == "junit" }
    let name = options.junitFlavor ?? phase?["flavor"]?.scalarText ?? "default"
    return JUnitFlavor(rawValue: name) ?? .default
  }

  /// One plan's JUnit file: the plan's own `report: {how: junit, file: F}` (relative to the tree), else tmt's
  /// default place `<plan>/report/<phase>/junit.xml`; false (after an error line) when it cannot be written.
  func writePlanJUnit(_ suite: JUnitSuite, plan: TMTPlan?, outcome: PlanOutcome) -> Bool {
    let phase = plan?.phases(.report).first { $0.how == "junit" }
    let directory = Path.dirname(outcome.executeDirectory) + "/report/" + (phase?.name ?? "default-0")
    let file = phase?["file"]?.scalarText.map { Path.join(root, $0) } ?? directory + "/junit.xml"
    FileSystem.makeDirectories(Path.dirname(file))
    return write(JUnit.document([suite], flavor: junitFlavor(plan)), to: file)
  }

  /// `report -h junit --file F`: every plan in one document; false (after an error line) when it cannot be
  /// written, e.g. into a missing directory.
  func writeJUnit(_ suites: [JUnitSuite], to file: String) -> Bool {
    let path = Path.absolute(file)
    guard write(JUnit.document(suites, flavor: junitFlavor(selectedPlans().first)), to: path) else { return false }
    log.line("output: \(path)", level: 2)
    return true
  }

  /// Writes `document` atomically to `path`; tmt's `Failed to write the output 'PATH'.` with the cause when not.
  private func write(_ document: String, to path: String) -> Bool {
    if FileSystem.writeAtomically(path, document) { return true }
    let directory = Path.dirname(path)
    let cause =
      FileSystem.isDirectory(directory)
      ? "cannot write into '\(directory)'" : "the directory '\(directory)' does not exist"
    log.error("Failed to write the output '\(path)': \(cause).")
    return false
  }
}
