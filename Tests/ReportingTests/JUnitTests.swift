import HPCBasics
import TMTModel
import Testing

@testable import Reporting

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct JUnitTests {
  static let suites = [
    JUnitSuite(
      name: "/plans/gpu",
      cases: [
        JUnitCase(name: "/tests/error", outcome: .error, seconds: 0, systemOut: "exit two\n"),
        JUnitCase(
          name: "/tests/fail", outcome: .fail, seconds: 0, failureLines: ["about to fail"],
          systemOut: "about to fail\n"),
        JUnitCase(name: "/tests/info", outcome: .info, seconds: 0, systemOut: ""),
        JUnitCase(name: "/tests/pass", outcome: .pass, seconds: 0, systemOut: "hello stdout\nhello stderr\n"),
        JUnitCase(name: "/tests/timeout", outcome: .error, seconds: 2, systemOut: "start\n"),
        JUnitCase(name: "/tests/warn", outcome: .warn, seconds: 0, systemOut: ""),
        JUnitCase(name: "/tests/pending", outcome: .pending, seconds: 0, systemOut: nil),
      ]),
    JUnitSuite(
      name: "/plans/rdma",
      cases: [
        JUnitCase(
          name: "escape\"<speci&l>_chars\u{1}\u{7}\t", outcome: .fail, seconds: 61,
          failureLines: ["<eof> & \u{1B}[31mred\u{1B}[0m"], systemOut: "bell\u{7} and nul\u{0} & <tag>\r\n"),
        JUnitCase(name: "/tests/skip", outcome: .skip, seconds: 0, systemOut: "x\n"),
      ]),
  ]

  @Test func goldenDocument() {
    if getenv("HPCTEST_UPDATE_GOLDEN") != nil {
      FileSystem.write(Support.fixtures + "/golden/junit-two-plans.xml", JUnit.document(Self.suites))
    }
    #expect(JUnit.document(Self.suites) == Support.fixture("golden/junit-two-plans.xml"))
  }

  /// Each single-plan document is valid against tmt's own XSD as shipped. That XSD allows exactly one
  /// `<testsuite>`; the several-plans document is validated against the same XSD with only that bound lifted.
  @Test func validAgainstTmtSchema() throws {
    guard let schema = Self.schemaPath(), let xsd = FileSystem.readText(schema) else {
      print(
        "note: skipping JUnit schema validation: tmt's default.xsd not found "
          + "(set HPCTEST_REFERENCE_VENV to a venv with tmt installed)")
      return
    }
    for suite in Self.suites {
      #expect(Self.validates(JUnit.document([suite]), schema: schema), "\(suite.name)")
    }
    let bound = "<xs:element ref=\"testsuite\" minOccurs=\"1\" maxOccurs=\"1\"/>"
    #expect(xsd.contains(bound))
    let lifted = "/tmp/hpctest-junit-\(getpid()).xsd"
    FileSystem.write(lifted, xsd.replacing(bound, with: "<xs:element ref=\"testsuite\" maxOccurs=\"unbounded\"/>"))
    #expect(Self.validates(JUnit.document(Self.suites), schema: lifted))
    #expect(!Self.validates(JUnit.document(Self.suites), schema: schema), "tmt's XSD allows one testsuite only")
    unlink(lifted)
  }

  static func validates(_ document: String, schema: String) -> Bool {
    let file = "/tmp/hpctest-junit-\(getpid())-\(document.utf8.count).xml"
    defer { unlink(file) }
    guard FileSystem.write(file, document) else { return false }
    return system("xmllint --noout --schema '\(schema)' '\(file)' 2>/dev/null") == 0
  }

  /// tmt's default.xsd from `$HPCTEST_REFERENCE_VENV` or /opt/tmt-ref; nil when neither exists.
  static func schemaPath() -> String? {
    var venvs = ["/opt/tmt-ref"]
    if let venv = getenv("HPCTEST_REFERENCE_VENV") { venvs.insert(String(cString: venv), at: 0) }
    for venv in venvs {
      for lib in FileSystem.list(venv + "/lib") ?? [] where lib.hasPrefix("python3") {
        let path = "\(venv)/lib/\(lib)/site-packages/tmt/steps/report/junit/schemas/default.xsd"
        if FileSystem.exists(path) { return path }
      }
    }
    return nil
  }
}
