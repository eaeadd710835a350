import FMF
import HPCBasics
import TMTModel
import Testing

/// `tests export` / `plans export` on small trees against golden output recorded from tmt 1.78.0
/// (`scripts/conformance-tmt-trees-reference.py Fixtures/export-normalise`, fixture path replaced by @ROOT@):
/// - `checks`: test `check` entries normalised per plugin (a string pattern becomes a list, `null` patterns `[]`,
///   integer fields from strings and floats) and YAML scalars quoted exactly when ruamel's resolver would not
///   read them back as strings (`'2024-01-02'`, `'12e3'`, but plain `0000-0000-0000-0000`);
/// - `steps`: a step given as `[]` is left out of the plan export, a missing or null one gets its default phase.
/// - `unicode`: strings with a tab, no-break spaces, NEL, LS/PS and an emoji, quoted and escaped as libyaml's
///   emitter does (`\N`, no-break space raw, `\U0001F600`), and a key reaching past column 80 left unfolded.
@Suite struct ExportNormaliseTests {
  static let fixtures = Path.dirname(#filePath) + "/Fixtures"

  static func golden(_ tree: String, _ file: String) -> String {
    let text = FileSystem.readText(fixtures + "/export-normalise-golden/\(tree)/\(file)") ?? ""
    return text.replacing("@ROOT@", with: fixtures + "/export-normalise/" + tree)
  }

  static func catalog(_ tree: String) throws -> TMTCatalog {
    try TMTCatalog.load(root: fixtures + "/export-normalise/" + tree, context: [])
  }

  @Test(arguments: ["checks", "steps", "unicode"])
  func testsExportMatchesTmt(tree: String) throws {
    let items = try Self.catalog(tree).tests.map(\.exported)
    #expect(try TMTJSON.render(.list(items)) + "\n" == Self.golden(tree, "tests.json"))
    #expect(TMTYAMLExport.render(items) + "\n" == Self.golden(tree, "tests.yaml"))
  }

  @Test(arguments: ["checks", "steps", "unicode"])
  func plansExportMatchesTmt(tree: String) throws {
    let items = try Self.catalog(tree).plans.map(\.exported)
    #expect(try TMTJSON.render(.list(items)) + "\n" == Self.golden(tree, "plans.json"))
    #expect(TMTYAMLExport.render(items) + "\n" == Self.golden(tree, "plans.yaml"))
  }
}
