public import FMF
public import HPCBasics
public import YAML

/// One `tmt lint`-style line: `pass|warn|fail|skip CODE message`.
public struct TMTLintResult: Sendable, Hashable {
  /// `pass`, `warn`, `fail` or `skip`.
  public enum Outcome: String, Sendable, Hashable { case pass, warn, fail, skip }

  public var outcome: Outcome
  /// `C000`, `C001`, `T001` ... `P009`.
  public var code: String
  /// The message; located ones start with `file:line:col: ` or tmt's key address.
  public var message: String

  /// The printed line.
  public var line: String { "\(outcome.rawValue) \(code) \(message)" }
}

/// The results for one test or plan.
public struct TMTLintReport: Sendable {
  /// Node name.
  public var name: String
  /// The object's `id`, for G001.
  public var id: String?
  /// Results in tmt's order.
  public var results: [TMTLintResult]

  /// Creates a report.
  public init(name: String, id: String? = nil, results: [TMTLintResult]) {
    self.name = name
    self.id = id
    self.results = results
  }

  /// True when any result failed.
  public var failed: Bool { results.contains { $0.outcome == .fail } }
}

/// `hpctest lint`: tmt lint's checks (C000 schema-ish, C001, T001-T009, P001-P009, G001), all collected.
/// Stricter than tmt where a run would fail later: an invalid `duration` or `hardware` fails.
public enum TMTLint {
  /// Reports for every test, every plan and every node that failed to normalise, in tree order.
  public static func run(_ catalog: TMTCatalog) -> [TMTLintReport] {
    var reports: [TMTLintReport] = catalog.tests.map { test(test: $0, tree: catalog.tree) }
    let workingDirectory = FileSystem.currentDirectory()
    reports += catalog.plans.map { plan($0, workingDirectory: workingDirectory) }
    for failure in catalog.failures {
      let where_ = failure.diagnostic.location.map { "\($0): " } ?? failure.diagnostic.keyPath.map { "\($0): " } ?? ""
      reports.append(
        TMTLintReport(
          name: failure.name,
          results: [
            TMTLintResult(
              outcome: .fail, code: failure.kind == "test" ? "T000" : "P000",
              message: where_ + failure.diagnostic.message)
          ]))
    }
    return reports
  }

  /// G001 over the selected objects: every object sharing an `id` with another fails.
  public static func duplicateIds(_ reports: [TMTLintReport]) -> [TMTLintResult] {
    var order: [String] = []
    var names: [String: [String]] = [:]
    for report in reports {
      guard let id = report.id else { continue }
      if names[id] == nil { order.append(id) }
      names[id, default: []].append(report.name)
    }
    let duplicates = order.filter { (names[$0]?.count ?? 0) > 1 }
    guard !duplicates.isEmpty else {
      return [TMTLintResult(outcome: .pass, code: "G001", message: "no duplicate ids detected")]
    }
    return duplicates.flatMap { id in
      (names[id] ?? []).map {
        TMTLintResult(outcome: .fail, code: "G001", message: "duplicate id \"\(id)\" in \"\($0)\"")
      }
    }
  }

  static func located(_ node: YAMLNode?, _ fallback: String, _ message: String) -> String {
    if let location = node?.location { return "\(location): \(message)" }
    return "\(fallback): \(message)"
  }

  /// C000 results for `keys` against a schema; `extra-*` always allowed.
  static func schemaKeys(_ keys: [String], allowed: Set<String>, schema: String) -> [TMTLintResult] {
    keys.filter { !allowed.contains($0) && !$0.hasPrefix("extra-") }.map {
      TMTLintResult(
        outcome: .warn, code: "C000",
        message: "key \"\($0)\" not recognized by schema \(schema), and does not match \"^extra-\" pattern")
    }
  }

  /// A `duration` value that hpctest's executor would reject.
  static func duration(_ node: YAMLNode?, address: String) -> TMTLintResult? {
    guard let node, !node.isNull else { return nil }
    guard let text = node.string else {
      return TMTLintResult(
        outcome: .fail, code: "C000",
        message: located(node, address, "'duration' must be a string like '5m', got \(PythonText.repr(node))"))
    }
    guard TMTDuration.seconds(text) == nil else { return nil }
    return TMTLintResult(
      outcome: .fail, code: "C000", message: located(node, address, TMTDuration.invalidMessage(text)))
  }

  /// C000 summary line after the detailed ones; `silentFailure` is a schema error tmt reports without a detail.
  static func schemaSummary(_ results: [TMTLintResult], silentFailure: Bool = false) -> [TMTLintResult] {
    if results.isEmpty && !silentFailure {
      return [TMTLintResult(outcome: .pass, code: "C000", message: "fmf node passes schema validation")]
    }
    return results + [TMTLintResult(outcome: .warn, code: "C000", message: "fmf node failed schema validation")]
  }

  /// C001: a summary is expected.
  static func summary(_ value: YAMLNode?) -> TMTLintResult {
    guard let value, !value.isNull else {
      return TMTLintResult(outcome: .warn, code: "C001", message: "summary key is missing")
    }
    if let text = value.string, text.count > 50 {
      return TMTLintResult(outcome: .warn, code: "C001", message: "summary should not exceed 50 characters")
    }
    return TMTLintResult(outcome: .pass, code: "C001", message: "summary key is set and is reasonably long")
  }
}
