import FMF
import HPCBasics
import TMTModel
import Testing

@Suite("hpctest lint")
struct TMTLintTests {
  static let root = Path.dirname(#filePath) + "/Fixtures/lint"

  private func reports() throws -> [String: [String]] {
    let catalog = try TMTCatalog.load(root: Self.root, context: [])
    return Dictionary(uniqueKeysWithValues: TMTLint.run(catalog).map { ($0.name, $0.results.map(\.line)) })
  }

  @Test func goodObjectsPass() throws {
    let reports = try reports()
    #expect(reports["/tests/gpu/good"]?.filter { $0.hasPrefix("fail") } == [])
    #expect(reports["/plans/good"]?.filter { $0.hasPrefix("fail") || $0.hasPrefix("warn") } == [])
    #expect(reports["/plans/good"]?.contains("pass P009 All step data is valid") == true)
  }

  @Test func unknownKeysAndBadDurationsFail() throws {
    let test = try #require(try reports()["/tests/gpu/bad"])
    #expect(test.contains("fail T001 unknown key \"tags\" is used"))
    #expect(
      test.contains(
        "warn C000 key \"tags\" not recognized by schema /schemas/test, and does not match \"^extra-\" pattern"))
    #expect(
      test.contains {
        $0.hasPrefix("fail C000 ")
          && $0.hasSuffix(
            "tests/gpu/main.fmf:8:15: "
              + "'duration' must look like '5m', '1h 30m' or '*2', got '5min'")
      })
  }

  @Test func planChecks() throws {
    let plan = try #require(try reports()["/plans/bad"])
    #expect(plan.contains("fail P001 unknown key \"provison\" is used"))
    #expect(plan.contains("warn C000 key \"filtr\" not recognized by schema /schemas/discover/fmf"))
    #expect(
      plan.contains { $0.hasPrefix("fail P009 ") && $0.hasSuffix("Unknown hardware requirement 'disk.block-device'.") })
    #expect(
      plan.contains {
        $0.hasPrefix("fail C000 ") && $0.contains("plans/main.fmf:16:35: ") && $0.hasSuffix("got '1 hour'")
      })
  }

  @Test func normalisationErrorsAreReportedNotThrown() throws {
    let broken = try #require(try reports()["/plans/broken"])
    #expect(broken.count == 1)
    #expect(broken.first?.hasPrefix("fail P000 ") == true)
    #expect(broken.first?.hasSuffix("invalid literal for int() with base 10: 'abc'") == true)
  }
}
