import HPCBasics
import Testing

@testable import HardwareProbe

/// `hpctest probe` text and `--json` for every fixture sysroot, compared with committed files in
/// Fixtures/golden. Set HPCTEST_UPDATE_GOLDEN=1 to rewrite them (then review the diff).
@Suite struct GoldenTests {
  @Test(arguments: Fixtures.sysroots)
  func summaryText(name: String) throws {
    let inventory = try Fixtures.probe(name)
    try compare(inventory.summary(), golden: "golden/\(name).txt")
  }

  @Test(arguments: Fixtures.sysroots)
  func json(name: String) throws {
    let inventory = try Fixtures.probe(name)
    try compare(inventory.json().rendered(), golden: "golden/\(name).json")
  }

  private func compare(_ actual: String, golden: String) throws {
    let path = Fixtures.directory + "/" + golden
    if getenv("HPCTEST_UPDATE_GOLDEN") != nil {
      FileSystem.makeDirectories(Path.dirname(path))
      FileSystem.write(path, actual)
    }
    let expected = try #require(FileSystem.readText(path), "missing golden file \(golden)")
    if actual != expected {
      let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let first =
        Array(zip(actualLines, expectedLines)).firstIndex { $0 != $1 } ?? min(actualLines.count, expectedLines.count)
      let got = first < actualLines.count ? String(actualLines[first]) : "<end>"
      let want = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
      Issue.record("\(golden) differs at line \(first + 1):\n  got:      \(got)\n  expected: \(want)")
    }
  }
}

#if canImport(Glibc)
  import Glibc
#endif
