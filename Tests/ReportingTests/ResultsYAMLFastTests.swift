import HPCBasics
import TMTModel
import Testing
import YAML

@testable import Reporting

/// `ResultsYAML.readFast` gives what `read` gives, for every text the emitter writes (random results with the
/// scalars YAML treats specially) and, through its fallback, for every other text; `replacingGuests` gives what
/// rendering again with the new guest gives.
@Suite struct ResultsYAMLFastTests {
  /// Deterministic random numbers (splitmix64).
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Strings that a YAML writer must quote or that look like other types, and ordinary ones.
  static let words = [
    "", " ", "pass", "null", "Null", "~", "true", "no", "On", "y", "N", "123", "-7", "0", "017", "0x1F", "1.5", ".inf",
    "1:30", "10:00:00", "00:00:05", "2026-12-04", "2026-12-04T17:00:00+00:00", "a: b", "a:b", "x #y", "x#y", "#c",
    "- item", "-x", "? q", ":z", "it's", "say \"hi\"", "back\\slash", "tab\there", "line\nbreak", "cr\r", "bell\u{7}",
    "del\u{7F}", "ünïcode", "日本", "[list]", "{map}", "a, b", "&anchor", "*alias", "!tag", "|", ">", "%", "@at",
    "`tick`", "trailing:", " lead", "trail ", "---", "/tests/gpu/bandwidth", "data/failures.yaml", "=", "<<",
    "nvidia-smi reports 2 GPUs, expected 4", "a somewhat longer note with spaces and words in it",
  ]

  static func word(_ random: inout Generator) -> String { words.randomElement(using: &random)! }

  static func optional(_ random: inout Generator) -> String? {
    Bool.random(using: &random) ? nil : word(&random)
  }

  static func list(_ random: inout Generator, _ limit: Int = 3) -> [String] {
    (0..<Int.random(in: 0...limit, using: &random)).map { _ in word(&random) }
  }

  static func check(_ random: inout Generator) -> CheckResult {
    CheckResult(
      name: word(&random), event: Bool.random(using: &random) ? "before-test" : "after-test",
      result: ResultOutcome.allCases.randomElement(using: &random)!, note: list(&random), log: list(&random),
      startTime: optional(&random), endTime: optional(&random), duration: optional(&random))
  }

  static func result(_ random: inout Generator, serial: Int) -> TestResult {
    var result = TestResult.pending(name: "/t" + word(&random), serialNumber: serial)
    result.result = ResultOutcome.allCases.randomElement(using: &random)!
    result.note = list(&random)
    result.log = list(&random)
    (result.startTime, result.endTime, result.duration) = (optional(&random), optional(&random), optional(&random))
    (result.dataPath, result.webLink) = (optional(&random), optional(&random))
    result.guest = ResultGuest(name: word(&random), role: optional(&random), primaryAddress: optional(&random))
    // A few shared context values, so the emitter anchors and aliases them.
    result.context = [
      ("arch", [["x86_64"], ["aarch64", "x86_64"]][serial % 2]), ("k" + word(&random), list(&random)),
    ]
    result.ids = Bool.random(using: &random) ? [] : [("id", optional(&random)), ("extra-nitrate", word(&random))]
    result.check = (0..<Int.random(in: 0...2, using: &random)).map { _ in check(&random) }
    result.subresult = (0..<Int.random(in: 0...2, using: &random)).map { _ in
      SubResult(
        name: "/" + word(&random), result: .pass, note: list(&random), log: list(&random),
        check: (0..<Int.random(in: 0...1, using: &random)).map { _ in check(&random) })
    }
    return result
  }

  static func results(seed: UInt64) -> [TestResult] {
    var random = Generator(state: seed)
    return (0..<Int.random(in: 1...12, using: &random)).map { result(&random, serial: $0 + 1) }
  }

  /// Emitted text is read by the fast reader itself (no fallback) into the tree and results the full reader gives.
  @Test(arguments: 0..<200)
  func emittedTextReadsAsTheFullReaderReadsIt(seed: UInt64) throws {
    let results = Self.results(seed: seed)
    let text = ResultsYAML.render(results)
    let fast = try EmittedYAMLReader.parse(text)
    let full = YAMLTree(try #require(try YAMLParser.parse(text, file: "r.yaml")))
    #expect(fast == full)
    #expect(try ResultsYAML.readFast(text, file: "r.yaml") == ResultsYAML.read(text, file: "r.yaml"))
  }

  /// Every guest rewritten in place is the text the emitter writes for the results with that guest.
  @Test(arguments: 0..<100)
  func rewritingGuestsEqualsRenderingAgain(seed: UInt64) throws {
    var results = Self.results(seed: seed)
    let text = ResultsYAML.render(results)
    var random = Generator(state: ~seed)
    let guest = ResultGuest(name: Self.word(&random), role: nil, primaryAddress: Self.optional(&random))
    for index in results.indices { results[index].guest = guest }
    #expect(ResultsYAML.replacingGuests(in: text, with: guest, count: results.count) == ResultsYAML.render(results))
    #expect(ResultsYAML.replacingGuests(in: text, with: guest, count: results.count + 1) == nil)
  }

  /// Texts outside the emitter's subset (tmt's folded lines, comments, flow lists, blank lines, a quoted plain
  /// scalar's look-alikes) are read by the full reader: same results, or the same located diagnostic.
  @Test(
    arguments: [
      ("results-basic.yaml", nil), ("results-semantics-checks-restart.yaml", nil),
      ("results-multihost-local.yaml", nil), (nil, "  log: []\n|  log: [a, b]\n"),
      (nil, "  check: []\n|  # c\n  check: []\n"), (nil, "  check: []\n|\n  check: []\n"),
      (nil, "  note: []\n|  note:\n  - yes\n"), (nil, "  note: []\n|  note:\n  - 1_000\n"),
      (nil, "  name: /t\n|  name: /t\n    continued\n"),
    ] as [(String?, String?)])
  func otherTextsFallBackToTheFullReader(fixture: String?, edit: String?) throws {
    var text = fixture.map { Support.fixture("tmt/" + $0) } ?? ""
    if let edit {
      var base = TestResult.pending(name: "/t", serialNumber: 1)
      base.result = .pass
      let parts = edit.split(separator: "|", maxSplits: 1).map(String.init)
      let rendered = ResultsYAML.render([base])
      #expect(rendered.contains(parts[0]))
      text = rendered.replacing(parts[0], with: parts[1])
    }
    #expect(!text.isEmpty)
    let full = Result { () throws(Diagnostic) in try ResultsYAML.read(text, file: "r.yaml") }
    let fast = Result { () throws(Diagnostic) in try ResultsYAML.readFast(text, file: "r.yaml") }
    switch (full, fast) {
    case (.success(let a), .success(let b)): #expect(a == b)
    case (.failure(let a), .failure(let b)): #expect(a.description == b.description)
    default: Issue.record("full reader \(full), fast reader \(fast)")
    }
    if fixture == nil { #expect(throws: EmittedYAMLReader.Unsupported.self) { try EmittedYAMLReader.parse(text) } }
  }

  /// A text in the subset with a bad value gives the full reader's located diagnostic.
  @Test func badValuesGiveTheFullReadersDiagnostic() throws {
    let text = ResultsYAML.render([.pending(name: "/t", serialNumber: 1)]).replacing(
      "result: pending", with: "result: weird")
    _ = try EmittedYAMLReader.parse(text)
    let full = #expect(throws: Diagnostic.self) { try ResultsYAML.read(text, file: "r.yaml") }
    let fast = #expect(throws: Diagnostic.self) { try ResultsYAML.readFast(text, file: "r.yaml") }
    #expect(full?.description == fast?.description && fast?.description.contains("r.yaml") == true)
  }
}
