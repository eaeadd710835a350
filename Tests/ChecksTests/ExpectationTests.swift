import HPCBasics
import Testing

@testable import Checks

/// The expectation key registry: types, lookups, validation of flags and environment, and docs/CHECKS.md's table.
@Suite("Expectation keys")
struct ExpectationTests {
  @Test(arguments: [
    (ExpectationType.int, ["4", " 16 ", "-1"], ["five", "4.5", "", "4x"]),
    (.number, ["0.9", "200", "1e3"], ["fast", "", "nan", "0.9.1"]),
    (.bool, ["true", "No", "on", "0"], ["maybe", "", "2"]),
    (.string, ["A30", "Max 1550"], ["", "  "]),
    (.list, ["nvidia-smi", "i915,xe"], ["", " , "]),
    (.portList, ["mlx5_0/1", "mlx5_0", "mlx5_0/1,irdma0/2"], ["mlx5_0/", "mlx5_0/x", "mlx5 0/1", "/1", ""]),
    (.countMap, ["8", "mlx5_0=8", "mlx5_0=8,0000:05:00.1=0"], ["eight", "mlx5_0", "mlx5_0=x", "=4", ""]),
    (.pathClass, ["PIX", "pxb", "NODE", "SYS"], ["PCI", "", "X"]),
    (.textMap, ["20.40.1000", "ConnectX-7=28.39.2048", "mlx5_0=1.2,E810-C (QSFP)=4.40"], ["", "mlx5_0=", "=1.2"]),
  ])
  func typesAcceptOnlyTheirValues(type: ExpectationType, good: [String], bad: [String]) {
    for text in good { #expect(type.accepts(text), "\(type) should accept '\(text)'") }
    for text in bad { #expect(!type.accepts(text), "\(type) should reject '\(text)'") }
  }

  @Test func countMapLooksUpByAnyName() throws {
    let map = try #require(ExpectationType.countMap("mlx5_0=8,0000:05:00.1=2"))
    #expect(map.count(for: ["0000:05:00.0", "mlx5_0"]) == 8)
    #expect(map.count(for: ["0000:05:00.1", "mlx5_1"]) == 2)
    #expect(map.count(for: ["0000:06:00.0"]) == nil)
    #expect(ExpectationType.countMap("4")?.count(for: ["anything"]) == 4)
  }

  @Test func textMapLooksUpByNameAddressOrModelAndNamesNothingElse() throws {
    let map = try #require(ExpectationType.textMap("ConnectX-7=28.39.2048,0000:20:00.0=4.40"))
    #expect(map.value(for: ["mlx5_0", "0001:41:00.0", "ConnectX-7"]) == "28.39.2048")
    #expect(map.value(for: ["irdma0", "0000:20:00.0", "E810-C"]) == "4.40")
    #expect(map.value(for: ["mlx5_4", "0000:99:00.0", "ConnectX-6"]) == nil)
    #expect(ExpectationType.textMap("20.40.1000")?.value(for: ["any"]) == "20.40.1000")
  }

  @Test func keysAreUniqueAndEnvironmentNamesRoundTrip() {
    #expect(Set(ExpectationKey.all.map(\.name)).count == ExpectationKey.all.count)
    for key in ExpectationKey.all {
      #expect(Expectations.key(ofVariable: key.environmentName) == key.name)
    }
  }

  @Test(arguments: [
    ("pcie-gne", "5", "unknown expectation key 'pcie-gne'; did you mean 'pcie-gen'?"),
    ("pcie-widht", "16", "unknown expectation key 'pcie-widht'; did you mean 'pcie-width'?"),
    ("colour", "red", "unknown expectation key 'colour' (docs/CHECKS.md lists the keys)"),
    ("pcie-gen", "five", "'pcie-gen' must be an integer, got 'five'"),
    ("max-path-class", "far", "'max-path-class' must be one of PIX, PXB, PHB, NODE, SYS, got 'far'"),
    ("ib-ports", "mlx5_0/one", "'ib-ports' must be a list of DEVICE/PORT (e.g. mlx5_0/1), got 'mlx5_0/one'"),
  ])
  func problemsNameKeyAndValue(key: String, value: String, message: String) {
    #expect(ExpectationKey.problem(key, value) == message)
  }

  @Test func flagAndEnvironmentProblemsAreLocatedByTheirSource() {
    let problems = Expectations.problems(
      flags: ["pcie-gne": "5", "gpus": "4"],
      environment: [
        "HPCTEST_EXPECT_PCIE_WIDHT": "16", "HPCTEST_EXPECT_PCIE_GEN": "five", "HPCTEST_EXPECT_GPUS": "4",
        "PATH": "/bin",
      ]
    ).map(\.description)
    #expect(
      problems == [
        "--expect pcie-gne=5: error: unknown expectation key 'pcie-gne'; did you mean 'pcie-gen'?",
        "HPCTEST_EXPECT_PCIE_GEN=five: error: 'pcie-gen' must be an integer, got 'five'",
        "HPCTEST_EXPECT_PCIE_WIDHT=16: error: unknown expectation key 'pcie-widht'; did you mean 'pcie-width'?",
      ])
    #expect(Expectations.problems(flags: ["numvfs": "mlx5_0=8"], environment: [:]).isEmpty)
  }

  @Test func everyKeyACheckNamesIsRegistered() {
    for definition in CheckCatalogue.all {
      for key in definition.keys { #expect(ExpectationKey.named(key) != nil, "\(definition.name): \(key)") }
    }
  }

  /// Every key in docs/CHECKS.md's table is registered with the same type, and every registered key is documented.
  @Test func docsTableMatchesTheRegistry() throws {
    let docs = Path.dirname(Path.dirname(Fixture.sysroots)) + "/docs/CHECKS.md"
    let text = try #require(FileSystem.readText(docs))
    let start = try #require(text.firstRange(of: "| key | type |"))
    var documented: [String: String] = [:]
    for line in text[start.upperBound...].split(separator: "\n").dropFirst(1) {
      guard line.hasPrefix("|") else { break }
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters() }
      for name in cells[1].split(separator: "`", omittingEmptySubsequences: false).enumerated().filter({
        $0.offset % 2 == 1
      }).map(\.element) {
        documented[String(name)] = cells[2]
      }
    }
    let registered = Dictionary(uniqueKeysWithValues: ExpectationKey.all.map { ($0.name, $0.type.docName) })
    #expect(documented == registered)
  }
}

extension Substring {
  func trimmingCharacters() -> String { String(self).trimmed }
}
