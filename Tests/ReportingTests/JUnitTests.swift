import HPCBasics
import TMTModel
import TestSupport
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
        JUnitCase(
          name: "/tests/skip", outcome: .skip, seconds: 0, systemOut: "x\n", message: "no GPU \"here\" & <none>"),
        JUnitCase(
          name: "/tests/gpu/pcie-link", outcome: .fail, seconds: 3, systemOut: "",
          message: "0000:c1:00.0: PCIe link 16.0 GT/s x8, expected 16.0 GT/s x16", guest: "n2",
          startTime: "2026-12-04T17:00:00.000000+00:00",
          subcases: [
            JUnitCase(name: "/0000:c1:00.0", outcome: .fail, seconds: 0, systemOut: "x8\n", message: "x8 < x16"),
            JUnitCase(name: "/0000:c2:00.0", outcome: .pass, seconds: 0, systemOut: "ok\n"),
            JUnitCase(name: "/0000:c3:00.0", outcome: .skip, seconds: 0, systemOut: nil, message: "virtual"),
            JUnitCase(name: "/0000:c4:00.0", outcome: .warn, seconds: 0, systemOut: nil),
          ]),
      ]),
  ]

  @Test(arguments: JUnitFlavor.allCases)
  func goldenDocument(flavor: JUnitFlavor) {
    let file = "golden/junit-two-plans\(flavor == .default ? "" : "-" + flavor.rawValue).xml"
    if getenv("HPCTEST_UPDATE_GOLDEN") != nil {
      FileSystem.write(Support.fixtures + "/" + file, JUnit.document(Self.suites, flavor: flavor))
    }
    #expect(JUnit.document(Self.suites, flavor: flavor) == Support.fixture(file))
  }

  /// Many suites (rendered on every core) give the two-plans document's suites repeated in order, under counts
  /// `copies` times the two plans' counts: the same text as rendering them one after the other.
  @Test(arguments: JUnitFlavor.allCases, [2, 7, 64])
  func manySuitesJoinInOrder(flavor: JUnitFlavor, copies: Int) {
    let two = JUnit.document(Self.suites, flavor: flavor).split(separator: "\n").map(String.init)
    let many = JUnit.document(Array(repeating: Self.suites, count: copies).flatMap { $0 }, flavor: flavor)
    let counts = { (factor: Int) in
      "<testsuites errors=\"\(4 * factor)\" failures=\"\(3 * factor)\" tests=\"\(10 * factor)\" time=\"\(66 * factor).0\">"
    }
    #expect(two[1] == counts(1))
    let inner = Array(repeating: two[2..<two.count - 1], count: copies).flatMap { $0 }
    #expect(many == ([two[0], counts(copies)] + inner + ["</testsuites>"]).joined(separator: "\n") + "\n")
  }

  /// Each single-plan document is valid against tmt's own XSD for its flavor once `classname` (which hpctest adds
  /// so GitLab and Jenkins group by plan) is declared; as shipped, tmt's XSD refuses only that attribute. tmt's
  /// default XSD allows one `<testsuite>`, so the several-plans document is not valid against it.
  @Test(arguments: JUnitFlavor.allCases)
  func singlePlanDocumentsValidAgainstTmtSchema(flavor: JUnitFlavor) {
    guard let schema = Self.schemaPath(flavor), let xsd = FileSystem.readText(schema) else {
      print(
        "note: skipping JUnit schema validation: tmt's \(flavor.rawValue).xsd not found "
          + "(set HPCTEST_REFERENCE_VENV to a venv with tmt installed)")
      return
    }
    let name = "<xs:attribute name=\"name\" type=\"xs:string\" use=\"required\"/>"
    let time = "<xs:attribute name=\"time\" type=\"xs:float\" use=\"optional\"/>"
    #expect(xsd.contains(name + "\n            " + time))
    let lifted = Scratch.file("hpctest-junit-", name: "\(flavor.rawValue).xsd")
    defer { unlink(lifted) }
    let classname = "<xs:attribute name=\"classname\" type=\"xs:string\" use=\"optional\"/>"
    FileSystem.write(lifted, xsd.replacing(name + "\n            " + time, with: name + time + classname))
    for suite in Self.suites {
      let document = JUnit.document([suite], flavor: flavor)
      #expect(Self.validates(document, schema: lifted), "\(suite.name)")
      #expect(!Self.validates(document, schema: schema), "tmt's XSD knows no classname")
    }
    if flavor == .default {
      #expect(!Self.validates(JUnit.document(Self.suites), schema: lifted), "tmt's default XSD allows one testsuite")
    }
  }

  /// Several plans in one document: valid against the JUnit schema GitLab and Jenkins read (Jenkins xunit's
  /// junit-10.xsd), in both flavors.
  @Test(arguments: JUnitFlavor.allCases)
  func multiPlanDocumentValidAgainstJenkinsSchema(flavor: JUnitFlavor) {
    guard let schema = Self.jenkinsSchema() else {
      print("note: skipping: junit-10.xsd not found (Fixtures/junit-10.xsd or $HPCTEST_JUNIT_XSD)")
      return
    }
    #expect(Self.validates(JUnit.document(Self.suites, flavor: flavor), schema: schema))
    let single = JUnit.document([Self.suites[0]], flavor: flavor)
    #expect(!Self.validates(single, schema: schema), "a single plan keeps tmt's disabled attribute")
    #expect(Self.validates(single.replacing(" disabled=\"0\"", with: ""), schema: schema))
  }

  /// `message` is the first reason (escaped), or the outcome's name without one; pass has no element.
  @Test(arguments: ResultOutcome.allCases)
  func messageCarriesTheFirstReason(outcome: ResultOutcome) {
    for message in [nil, "dev \"1\": x8 < x16 & more"] as [String?] {
      let test = JUnitCase(name: "/t", outcome: outcome, seconds: 0, systemOut: nil, message: message)
      let document = JUnit.document([JUnitSuite(name: "/p", cases: [test])])
      let expected = JUnit.attribute(message ?? outcome.rawValue)
      #expect(document.contains("message=\"\(expected)\"") == (outcome != .pass), "\(document)")
    }
  }

  static func validates(_ document: String, schema: String) -> Bool {
    let file = Scratch.file("hpctest-junit-", name: "document.xml")
    defer { unlink(file) }
    guard FileSystem.write(file, document) else { return false }
    return system("xmllint --noout --schema '\(schema)' '\(file)' 2>/dev/null") == 0
  }

  /// Jenkins xunit's junit-10.xsd (MIT; https://github.com/jenkinsci/xunit-plugin/blob/master/src/main/resources/
  /// org/jenkinsci/plugins/xunit/types/model/xsd/junit-10.xsd): `Fixtures/junit-10.xsd`, else `$HPCTEST_JUNIT_XSD`;
  /// nil when neither exists.
  static func jenkinsSchema() -> String? {
    let candidates =
      [Support.fixtures + "/junit-10.xsd"] + (getenv("HPCTEST_JUNIT_XSD").map { [String(cString: $0)] } ?? [])
    return candidates.first { FileSystem.exists($0) }
  }

  /// tmt's XSD for `flavor` from `$HPCTEST_REFERENCE_VENV` or /opt/tmt-ref; nil when neither exists.
  static func schemaPath(_ flavor: JUnitFlavor = .default) -> String? {
    var venvs = ["/opt/tmt-ref"]
    if let venv = getenv("HPCTEST_REFERENCE_VENV") { venvs.insert(String(cString: venv), at: 0) }
    for venv in venvs {
      for lib in FileSystem.list(venv + "/lib") ?? [] where lib.hasPrefix("python3") {
        let path = "\(venv)/lib/\(lib)/site-packages/tmt/steps/report/junit/schemas/\(flavor.rawValue).xsd"
        if FileSystem.exists(path) { return path }
      }
    }
    return nil
  }
}
