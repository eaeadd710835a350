import HPCBasics
import TestSupport
import Testing

@testable import Checks

#if canImport(Glibc)
  import Glibc
#endif

/// The site file: host sections, typed values (per-device maps), and located errors for every bad key or value,
/// in matching and non-matching sections alike.
@Suite("Site file")
struct SiteFileTests {
  /// Writes `text` to a new temporary file and returns its path.
  static func file(_ text: String) -> String {
    let path = Scratch.file("hpctest-site-", name: "site.conf")
    _ = FileSystem.write(path, text)
    return path
  }

  @Test func hostSectionsMergeAndMapsBecomeDeviceCounts() throws {
    let path = Self.file(
      """
      defaults:
        ib-error-max: 0
        required-tools: [nvidia-smi, dcgmi]
      hosts:
        - match: ["nightly-a30-*"]
          expect:
            numvfs: {mlx5_0: 8, "0000:05:00.1": 0}
            ib-ports: [mlx5_0/1]
            max-path-class: NODE
        - match: "other-*"
          expect: {gpus: 8}
      """)
    defer { unlink(path) }
    let values = try SiteFile.read(path, hostname: "nightly-a30-01.example.org")
    #expect(
      values == [
        "ib-error-max": "0", "required-tools": "nvidia-smi,dcgmi", "numvfs": "mlx5_0=8,0000:05:00.1=0",
        "ib-ports": "mlx5_0/1", "max-path-class": "NODE",
      ])
    let expectations = Expectations(site: values)
    #expect(expectations.countMap("numvfs")?.perDevice == ["mlx5_0": 8, "0000:05:00.1": 0])
  }

  @Test(arguments: [
    ("defaults:\n  pcie-widht: 16\n", ["2:3: error: unknown expectation key 'pcie-widht'; did you mean 'pcie-width'?"]),
    ("defaults:\n  pcie-gen: five\n", ["2:13: error: 'pcie-gen' must be an integer, got 'five'"]),
    (
      "hosts:\n  - match: nomatch-*\n    expect:\n      gpus: [1, 2]\n",
      ["4:13: error: 'gpus' must be an integer, got '1,2'"]
    ),
    (
      "hosts:\n  - match: x\n    expect: {numvfs: {mlx5_0: eight}}\n",
      ["3:22: error: 'numvfs' must be a count or a map of DEVICE: count (e.g. 8 or {mlx5_0: 8})"]
    ),
    ("hosts:\n  - match: x\n    expcet: {gpus: 1}\n", ["2:5: error: a 'hosts' section needs 'match' and 'expect'"]),
    (
      "hosts:\n  - match: x\n    expect: {gpus: 1}\n    note: y\n",
      ["4:5: error: unknown key 'note' in a 'hosts' section; expected 'match' and 'expect'"]
    ),
    ("default:\n  gpus: 1\n", ["1:1: error: unknown key 'default'; expected 'defaults' or 'hosts'"]),
    ("defaults: [gpus]\n", ["1:11: error: expectations must be a mapping of key: value"]),
    (
      "defaults:\n  gpus: [1\n",
      ["3:1: error: did not find expected ',' or ']' (while parsing a flow sequence at line 2, column 9)"]
    ),
  ])
  func brokenFilesGiveLocatedErrors(text: String, messages: [String]) {
    let path = Self.file(text)
    defer { unlink(path) }
    let problems = SiteFile.lint(path).map(\.description)
    #expect(problems == messages.map { "\(path):\($0)" })
  }

  @Test func aMissingFileIsAnError() {
    #expect(
      SiteFile.lint("/nonexistent/site.yaml").map(\.description) == [
        "/nonexistent/site.yaml: error: cannot read the site file"
      ])
  }

  @Test func theExampleSiteFileIsValidForBothTargets() throws {
    let example = Path.dirname(Path.dirname(Fixture.sysroots)) + "/etc/site.example.yaml"
    #expect(SiteFile.lint(example).isEmpty)
    let a30 = try SiteFile.read(example, hostname: "nightly-a30-01")
    #expect(a30["numvfs"] == "mlx5_0=8" && a30["adapters"] == "1" && a30["ib-ports"] == "mlx5_0/1")
    let intel = try SiteFile.read(example, hostname: "ci-intel-01")
    #expect(intel["gpus"] == "2" && intel["ib-ports"] == "irdma0/1")
  }
}
