import Glibc
import HPCBasics
import TestSupport
import Testing

/// Expectations are validated, never silently ignored: an unknown key, a mistyped value or a broken site file is
/// one located error with exit 2 before any check runs, under `check` and under `run`; `lint` lints the site file;
/// `run --site` and `HPCTEST_SITE` reach the checks.
@Suite struct ExpectationValidationTests {
  static let a30 = EndToEndTests.sysroots + "/a30-cx6-aarch64"

  /// Runs `hpctest arguments...` with `environment` added (through env(1)).
  static func hpctest(_ arguments: [String], environment: [String: String] = [:]) -> EndToEndTests.Outcome {
    let prefix =
      environment.isEmpty ? [] : ["/usr/bin/env"] + environment.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }
    guard !prefix.isEmpty else { return EndToEndTests.hpctest(arguments) }
    let log = Scratch.file("hpctest-e2e-", name: "output.log")
    defer { unlink(log) }
    let quoted = (prefix + [EndToEndTests.binary] + arguments).map { "'" + $0.replacing("'", with: "'\\''") + "'" }
    let status = system(
      "cd '\(EndToEndTests.repository)' && exec \(quoted.joined(separator: " ")) >'\(log)' 2>&1 </dev/null")
    return EndToEndTests.Outcome(status: (status >> 8) & 0xff, output: FileSystem.readText(log) ?? "")
  }

  static func siteFile(_ text: String) -> String {
    let directory = EndToEndTests.temporaryDirectory()
    _ = FileSystem.write(directory + "/site.yaml", text)
    return directory + "/site.yaml"
  }

  @Test(
    arguments: [
      (
        ["--expect", "pcie-gne=5"], [:],
        "--expect pcie-gne=5: error: unknown expectation key 'pcie-gne'; did you mean 'pcie-gen'?"
      ),
      (
        [], ["HPCTEST_EXPECT_PCIE_WIDHT": "16"],
        "HPCTEST_EXPECT_PCIE_WIDHT=16: error: unknown expectation key 'pcie-widht'; did you mean 'pcie-width'?"
      ),
      (
        [], ["HPCTEST_EXPECT_PCIE_GEN": "five"],
        "HPCTEST_EXPECT_PCIE_GEN=five: error: 'pcie-gen' must be an integer, got 'five'"
      ),
    ] as [([String], [String: String], String)])
  func checkRejectsBadExpectationsBeforeRunning(flags: [String], environment: [String: String], message: String) {
    let outcome = Self.hpctest(["--sysroot", Self.a30, "check", "gpu.pcie-link"] + flags, environment: environment)
    #expect(outcome.status == 2, "\(outcome.output)")
    #expect(outcome.output == message + "\n")
  }

  @Test func checkRejectsABrokenSiteFileWithItsPosition() {
    let site = Self.siteFile("defaults:\n  pcie-widht: 16\n")
    defer { FileSystem.removeTree(Path.dirname(site)) }
    for (arguments, environment) in [(["--site", site], [:]), ([], ["HPCTEST_SITE": site])] {
      let outcome = Self.hpctest(
        ["--sysroot", Self.a30, "check", "gpu.pcie-link"] + arguments, environment: environment)
      #expect(outcome.status == 2)
      #expect(
        outcome.output == "\(site):2:3: error: unknown expectation key 'pcie-widht'; did you mean 'pcie-width'?\n")
    }
  }

  @Test func runValidatesTheSiteFileAndEnvironmentBeforeAnyTest() {
    let site = Self.siteFile("hosts:\n  - match: x\n    expect: {numvfs: many}\n")
    let run = EndToEndTests.temporaryDirectory()
    defer { FileSystem.removeTree(Path.dirname(site)); FileSystem.removeTree(run) }
    let outcome = Self.hpctest(["--sysroot", Self.a30, "run", "--id", run + "/r", "--site", site, "plans/rdma"])
    #expect(outcome.status == 2, "\(outcome.output)")
    #expect(outcome.output.contains("\(site):3:22: error: 'numvfs' must be a count or a map"), "\(outcome.output)")
    #expect(!FileSystem.exists(run + "/r"), "no test ran")
    let env = Self.hpctest(
      ["--sysroot", Self.a30, "run", "--id", run + "/e", "-e", "HPCTEST_EXPECT_PCIE_GEN=five", "plans/gpu"])
    #expect(env.status == 2, "\(env.output)")
    #expect(env.output.contains("-e HPCTEST_EXPECT_PCIE_GEN=five: error: 'pcie-gen' must be an integer, got 'five'"))
  }

  /// The site file given to `run` reaches every check: one card passes `adapters: 1` and fails `adapters: 2`.
  @Test(arguments: [("1", Int32(0)), ("2", 1)])
  func runSiteReachesTheChecks(adapters: String, status: Int32) {
    let site = Self.siteFile("defaults:\n  adapters: \(adapters)\n  numvfs: {mlx5_0: 8}\n  ib-rate: 200\n")
    let run = EndToEndTests.temporaryDirectory()
    defer { FileSystem.removeTree(Path.dirname(site)); FileSystem.removeTree(run) }
    let outcome = Self.hpctest(
      ["--sysroot", Self.a30, "run", "--id", run + "/r", "plans/rdma", "tests", "--name", "inventory|sriov"],
      environment: ["HPCTEST_SITE": site])
    #expect(outcome.status == status, "\(outcome.output)")
  }

  @Test func lintLintsTheSiteFile() {
    let site = Self.siteFile("defaults:\n  pcie-gen: five\n")
    defer { FileSystem.removeTree(Path.dirname(site)) }
    let outcome = Self.hpctest(["lint", "--site", site])
    #expect(outcome.status == 1)
    #expect(outcome.output.contains("site file \(site)\nfail H002 \(site):2:13: error: 'pcie-gen' must be an integer"))
    let example = Self.hpctest(["lint", "--site", "etc/site.example.yaml"])
    #expect(example.output.contains("pass H002 site file is valid"), "\(example.output)")
    #expect(example.output.contains("pass H001 expectation variables are valid"))
  }
}
