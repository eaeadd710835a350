import FMF
import HPCBasics
import TMTModel
import Testing

/// P005 on a `url` id and G001 over reports: the hpctest-specific parts of the checks that the golden
/// `hpctest lint` test (HPCTestCommandsTests/LintEndToEndTests) cannot compare with tmt.
@Suite struct TMTLintRemoteIdTests {
  static let root = Path.dirname(#filePath) + "/Fixtures/lint-remote"

  @Test func remoteIdsAreNotClonedButReported() throws {
    let catalog = try TMTCatalog.load(root: Self.root, context: [])
    let plan = try #require(TMTLint.run(catalog).first { $0.name == "/plans" })
    let p005 = plan.results.filter { $0.code == "P005" }.map(\.line)
    // tmt 1.78 clones the repository here; hpctest never fetches, so the id is a warning, not a pass or fail.
    #expect(
      p005 == [
        "warn P005 remote fmf id in \"remote\" not validated, hpctest does not clone 'https://github.com/teemtee/tmt'"
      ])
    #expect(!plan.failed)
  }

  @Test(arguments: [
    ([("/a", "1"), ("/b", "2")], ["pass G001 no duplicate ids detected"]),
    (
      [("/a", "1"), ("/b", "2"), ("/c", "1"), ("/d", "2"), ("/e", nil)],
      [
        "fail G001 duplicate id \"1\" in \"/a\"", "fail G001 duplicate id \"1\" in \"/c\"",
        "fail G001 duplicate id \"2\" in \"/b\"", "fail G001 duplicate id \"2\" in \"/d\"",
      ]
    ),
  ])
  func duplicateIdsAreReportedPerObjectInFirstSeenOrder(objects: [(String, String?)], expected: [String]) {
    let reports = objects.map { TMTLintReport(name: $0.0, id: $0.1, results: []) }
    #expect(TMTLint.duplicateIds(reports).map(\.line) == expected)
  }
}
