import Glibc
import HPCBasics
import Reporting
import TMTModel
import Testing
import YAML

/// The target matrix (`Tests/Targets/matrix.yaml`): every target fixture runs through plans/gpu, plans/rdma and
/// plans/crosstalk with its target's `-c` context and site file, as the nightly and CI runs do. A row states the
/// plans whose `hardware:` the fixture meets, the exit code, the tests that pass, and the planted faults; the test
/// fails on any result the row does not expect: a false failure, a missed fault, or a check that skipped instead of
/// running.
@Suite(.serialized) struct TargetMatrixTests {
  static let directory = EndToEndTests.repository + "/Tests/Targets"
  static let plans = ["gpu", "rdma", "crosstalk"]

  static var rows: [TargetRow] {
    let file = directory + "/matrix.yaml"
    guard let text = FileSystem.readText(file), let node = try? YAMLParser.parse(text, file: file) else { return [] }
    return YAMLTree(node).items.compactMap(TargetRow.init)
  }

  @Test func theTableHasARowForEachTargetFixture() {
    let names = Set(Self.rows.map(\.fixture))
    #expect(Self.rows.count == names.count, "one row per fixture")
    for name in ["a30-cx6-aarch64", "a30-cx6-aarch64-faulty", "intel-max1550-x86_64", "intel-max1550-x86_64-faulty"] {
      #expect(names.contains(name), "no row for \(name)")
    }
  }

  @Test(arguments: rows) func hardwareRequirementsMatchTheTarget(_ row: TargetRow) {
    let outcome = EndToEndTests.hpctest(["--sysroot", row.sysroot] + row.contextArguments + ["probe", "--match"])
    for plan in Self.plans {
      let line = outcome.output.split(separator: "\n").first {
        $0.hasSuffix(" /plans/\(plan)") || $0.contains(" /plans/\(plan) ")
      }
      let matched = line?.hasPrefix("MATCH") ?? false
      #expect(
        matched == row.matches.contains(plan), "\(row.fixture): /plans/\(plan): \(line ?? "no line")\n\(outcome.output)"
      )
    }
  }

  @Test(arguments: rows) func plansGiveTheExpectedOutcomes(_ row: TargetRow) throws {
    let run = EndToEndTests.temporaryDirectory()
    defer { FileSystem.removeTree(run) }
    let arguments =
      ["--sysroot", row.sysroot] + row.contextArguments + ["run", "--id", run + "/r", "-a"]
      + Self.plans.map { "plans/" + $0 }
    let outcome = EndToEndTests.hpctest(arguments, environment: ["HPCTEST_SITE": Self.directory + "/" + row.site])
    #expect(outcome.status == row.exit, "\(row.fixture): exit \(outcome.status)\n\(outcome.output)")
    var seen: [String: TestResult] = [:]
    for plan in Self.plans {
      let file = run + "/r/plans/\(plan)/execute/results.yaml"
      let results = try ResultsYAML.read(FileSystem.readText(file) ?? "", file: file)
      for result in results { seen[String(result.name.dropFirst("/tests/".count))] = result }
    }
    check(row, seen)
  }

  private func check(_ row: TargetRow, _ seen: [String: TestResult]) {
    for (test, result) in seen.sorted(by: { $0.key < $1.key }) {
      let expected = row.expected(test)
      #expect(
        result.result == expected, "\(row.fixture): \(test) is \(result.result.rawValue), expected \(expected.rawValue)"
      )
      guard result.result == .fail || result.result == .error else { continue }
      for sub in result.subresult where sub.result == .fail || sub.result == .error {
        let listed = row.faults.contains { $0.test == test && sub.name.contains($0.device) }
        #expect(listed, "\(row.fixture): \(test) \(sub.name) fails but is not a planted fault")
      }
    }
    for fault in row.faults {
      let subs = seen[fault.test]?.subresult ?? []
      let named = subs.contains { $0.result == .fail && $0.name.contains(fault.device) }
      #expect(named, "\(row.fixture): planted fault \(fault.test) \(fault.device) is not a failing result")
    }
    for test in row.pass.union(row.warn).union(row.info) where seen[test] == nil {
      Issue.record("\(row.fixture): \(test) did not run")
    }
  }
}

/// One row of `Tests/Targets/matrix.yaml`.
struct TargetRow: Sendable, CustomTestStringConvertible {
  struct Fault: Sendable { var test: String, device: String }
  var fixture: String
  var context: [(String, String)]
  var site: String
  var matches: Set<String>
  var exit: Int32
  var pass: Set<String>
  var info: Set<String>
  var warn: Set<String>
  var faults: [Fault]

  init?(_ tree: YAMLTree) {
    guard let fixture = tree["fixture"]?.text, let site = tree["site"]?.text,
      let exit = tree["exit"]?.text.flatMap({ Int32($0) })
    else { return nil }
    self.fixture = fixture
    self.site = site
    self.exit = exit
    context = (tree["context"]?.entries ?? []).map { ($0.key, $0.value.text ?? "") }
    matches = Set((tree["hardware"]?.items ?? []).compactMap(\.text))
    pass = Set((tree["pass"]?.items ?? []).compactMap(\.text))
    info = Set((tree["info"]?.items ?? []).compactMap(\.text))
    warn = Set((tree["warn"]?.items ?? []).compactMap(\.text))
    faults = (tree["faults"]?.items ?? []).compactMap { item in
      let words = (item.text ?? "").split(separator: " ", maxSplits: 1).map(String.init)
      return words.count == 2 ? Fault(test: words[0], device: words[1]) : nil
    }
  }

  var testDescription: String { fixture }
  var sysroot: String { EndToEndTests.sysroots + "/" + fixture }
  var contextArguments: [String] { context.flatMap { ["-c", "\($0.0)=\($0.1)"] } }

  /// A test's expected outcome: fail when a fault names it, else pass, info or warn when listed, else skip.
  func expected(_ test: String) -> ResultOutcome {
    if faults.contains(where: { $0.test == test }) { return .fail }
    if pass.contains(test) { return .pass }
    if warn.contains(test) { return .warn }
    return info.contains(test) ? .info : .skip
  }
}
