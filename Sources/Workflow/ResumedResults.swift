import TMTModel

/// What an execution continuing a killed run keeps of one guest's earlier results: every test with a result that is
/// not `pending` (its own, or the custom/restraint results it reported) is done and not run again; its results stay
/// exactly as they were.
struct ResumedResults {
  /// The serial numbers of the tests that are done.
  var done: Set<Int> = []
  /// The tests' own results by serial number (a restraint test that reported has none).
  var mains: [Int: TestResult] = [:]
  /// Results named other than their test (custom and restraint results), in their earlier order.
  var extras: [TestResult] = []

  /// Sorts `previous` (one guest's results) against the `tests` about to run.
  init(previous: [TestResult], tests: [DiscoveredTest]) {
    let names = Dictionary(tests.map { ($0.serial, $0.test.name) }, uniquingKeysWith: { first, _ in first })
    for result in previous where result.result != .pending {
      done.insert(result.serialNumber)
      if names[result.serialNumber] == result.name {
        if mains[result.serialNumber] == nil { mains[result.serialNumber] = result }
      } else {
        extras.append(result)
      }
    }
  }
}
