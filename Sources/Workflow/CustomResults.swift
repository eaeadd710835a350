import HPCBasics
import Reporting
import TMTModel
import YAML

/// `result: custom`: the test writes its own results to `$TMT_TEST_DATA/results.yaml`; `/` is the test itself,
/// `/sub` becomes `<test>/sub`; log paths are relative to the data directory. Extra results go to the end of the
/// results file.
struct CustomResults {
  var run: TestRun
  var facts: TestFacts

  func outcome(base: TestResult, stop: String?) -> TestRunOutcome {
    let file = run.data + "/results.yaml"
    guard let text = FileSystem.readText(file) else {
      let json = FileSystem.exists(run.data + "/results.json")
      let note =
        json
        ? "custom results in results.json are not supported yet, write results.yaml"
        : "custom results file not found in '\(run.data)'"
      return TestRunOutcome(main: failed(base, note), stop: stop)
    }
    let tree: YAMLTree
    do { tree = try YAMLParser.parse(text, file: file).map(YAMLTree.init) ?? .null } catch {
      return TestRunOutcome(main: failed(base, "cannot read custom results: \(error)"), stop: stop)
    }
    guard !tree.items.isEmpty else { return TestRunOutcome(main: failed(base, "no custom results were provided")) }
    var main: TestResult?
    var extras: [TestResult] = []
    for item in tree.items {
      guard var result = entry(item, base: base) else {
        let text = item["result"]?.text ?? "null"
        return TestRunOutcome(main: failed(base, "invalid outcome '\(text)' in '\(file)'"), stop: stop)
      }
      if item["name"]?.text == "/" {
        result.name = base.name
        main = result
      } else {
        extras.append(result)
      }
      _ = result
    }
    return TestRunOutcome(main: main, extras: extras, stop: stop)
  }

  private func entry(_ item: YAMLTree, base: TestResult) -> TestResult? {
    guard let outcome = ResultOutcome(parsing: item["result"]?.text ?? "") else { return nil }
    var name = item["name"]?.text ?? "/"
    var notes = item["note"].map { $0.items.isEmpty ? [$0.text].compactMap { $0 } : $0.items.compactMap(\.text) } ?? []
    if !name.hasPrefix("/") {
      name = "/" + name
      notes.append("custom test result name should start with '/'")
    }
    var result = TestResult(
      name: name == "/" ? base.name : base.name + name, serialNumber: base.serialNumber, result: outcome,
      note: notes, log: (item["log"]?.items.compactMap(\.text) ?? []).map { run.relative + "/data/" + $0 },
      guest: base.guest, fmfID: [], ids: item["ids"]?.entries.map { ($0.key, $0.value.text) } ?? [])
    if name == "/" {
      result.startTime = base.startTime
      result.endTime = base.endTime
      result.duration = base.duration
      result.context = base.context
    }
    return result
  }

  private func failed(_ base: TestResult, _ note: String) -> TestResult {
    var result = base
    result.result = .error
    result.originalResult = .error
    result.note = [note]
    result.log = [run.relative + "/output.txt"]
    result.subresult = []
    return result
  }
}
