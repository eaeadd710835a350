public import HPCBasics
public import TMTModel
internal import YAML

extension ResultsYAML {
  /// Reads a results.yaml written by hpctest or tmt; a bad document or outcome is a diagnostic naming the file.
  package static func read(_ text: String, file: String) throws(Diagnostic) -> [TestResult] {
    guard let node = try YAMLParser.parse(text, file: file) else { return [] }
    let tree = YAMLTree(node)
    guard case .sequence(let items) = tree else {
      throw .error("expected a list of results", at: SourceLocation(file: file))
    }
    var results: [TestResult] = []
    for (index, item) in items.enumerated() {
      do { results.append(try result(item)) } catch {
        throw .error(error.message, at: SourceLocation(file: file), keyPath: "[\(index)]")
      }
    }
    return results
  }

  struct Problem: Error { var message: String }

  static func outcome(_ tree: YAMLTree?, _ key: String) throws(Problem) -> ResultOutcome {
    guard let text = tree?[key]?.text, let outcome = ResultOutcome(parsing: text) else {
      throw Problem(message: "'\(key)' must be one of pass, fail, info, warn, error, skip, pending")
    }
    return outcome
  }

  static func strings(_ tree: YAMLTree?) -> [String] { tree?.items.compactMap(\.text) ?? [] }

  static func result(_ tree: YAMLTree) throws(Problem) -> TestResult {
    guard let name = tree["name"]?.text else { throw Problem(message: "result without 'name'") }
    let serial = tree["serial-number"]?.text.flatMap { Int($0) } ?? 0
    var result = TestResult(
      name: name, serialNumber: serial, result: try outcome(tree, "result"),
      originalResult: try outcome(tree, "original-result"), note: strings(tree["note"]), log: strings(tree["log"]),
      startTime: tree["start-time"]?.text, endTime: tree["end-time"]?.text, duration: tree["duration"]?.text,
      dataPath: tree["data-path"]?.text, webLink: tree["web-link"]?.text)
    if let guest = tree["guest"] {
      result.guest = ResultGuest(
        name: guest["name"]?.text ?? "default-0", role: guest["role"]?.text,
        primaryAddress: guest["primary-address"]?.text)
    }
    result.fmfID = tree["fmf-id"]?.entries.map { ($0.key, $0.value.text) } ?? [("name", name)]
    result.context = tree["context"]?.entries.map { ($0.key, strings($0.value)) } ?? []
    result.ids = tree["ids"]?.entries.map { ($0.key, $0.value.text) } ?? []
    result.subresult = try (tree["subresult"]?.items ?? []).map { (item) throws(Problem) in try sub(item) }
    result.check = try (tree["check"]?.items ?? []).map { (item) throws(Problem) in try check(item) }
    return result
  }

  static func sub(_ tree: YAMLTree) throws(Problem) -> SubResult {
    SubResult(
      name: tree["name"]?.text ?? "", result: try outcome(tree, "result"),
      originalResult: try outcome(tree, "original-result"), note: strings(tree["note"]), log: strings(tree["log"]),
      startTime: tree["start-time"]?.text, endTime: tree["end-time"]?.text, duration: tree["duration"]?.text,
      check: try (tree["check"]?.items ?? []).map { (item) throws(Problem) in try check(item) })
  }

  static func check(_ tree: YAMLTree) throws(Problem) -> CheckResult {
    CheckResult(
      name: tree["name"]?.text ?? "", event: tree["event"]?.text ?? "after-test", result: try outcome(tree, "result"),
      originalResult: try outcome(tree, "original-result"), note: strings(tree["note"]), log: strings(tree["log"]),
      startTime: tree["start-time"]?.text, endTime: tree["end-time"]?.text, duration: tree["duration"]?.text)
  }
}
