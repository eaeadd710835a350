import Glibc
import HPCBasics
import Testing

/// `hpctest health` on the recorded machines: silent and exit 0 when healthy, one line per failing device and exit 1
/// when not (the same verdicts as `hpctest check`), exit 2 for its own errors, and the watchdog on a hung read.
@Suite struct HealthCommandTests {
  static let sysroots = EndToEndTests.sysroots
  static let healthy = ["h200-x86_64", "intel-max1550-x86_64"]
  static let faulty = ["a30-cx6-aarch64-faulty", "intel-max1550-x86_64-faulty", "intel-max1550-ib-x86_64-faulty"]

  @Test(arguments: healthy) func aHealthyNodePrintsNothingAndExits0(_ fixture: String) {
    let outcome = EndToEndTests.hpctest(["--sysroot", Self.sysroots + "/" + fixture, "health"])
    #expect(outcome.status == 0, "\(outcome.output)")
    #expect(outcome.output.isEmpty)
    let verbose = EndToEndTests.hpctest(["--sysroot", Self.sysroots + "/" + fixture, "health", "-v"])
    #expect(verbose.status == 0)
    #expect(verbose.output.contains("healthy ("))
    #expect(verbose.output.contains("  pass  gpu.pcie-link "))
  }

  /// Every line names a check and one of its failing sub-results exactly as `hpctest check` reports it.
  @Test(arguments: faulty) func aFaultyNodePrintsTheFailuresOfTheChecksAndExits1(_ fixture: String) throws {
    let root = Self.sysroots + "/" + fixture
    let outcome = EndToEndTests.hpctest(["--sysroot", root, "health"])
    #expect(outcome.status == 1, "\(outcome.output)")
    let lines = outcome.output.split(separator: "\n").map(String.init)
    #expect(!lines.isEmpty)
    #expect(Set(lines).count == lines.count, "no repeated lines")
    var checked: [String: String] = [:]
    for line in lines {
      let check = String(line.prefix { $0 != " " && $0 != ":" })
      if checked[check] == nil {
        checked[check] = EndToEndTests.hpctest(["--sysroot", root, "check", check]).output
      }
      let rest = String(line.dropFirst(check.count).drop { $0 == " " || $0 == ":" })
      let report = try #require(checked[check])
      let failing = report.split(separator: "\n").compactMap { item -> String? in
        item.hasPrefix("fail  ") || item.hasPrefix("error ") ? String(item.dropFirst(6)) : nil
      }
      #expect(failing.contains { rest == $0 || rest.hasSuffix(": " + $0) }, "\(line)\n\(report)")
    }
  }

  @Test func thePlantedFaultsOfTheA30FixtureAreReported() {
    let outcome = EndToEndTests.hpctest(["--sysroot", Self.sysroots + "/a30-cx6-aarch64-faulty", "health"])
    #expect(outcome.output.contains("gpu.pcie-link 0000:04:00.0: PCIe link 16.0 GT/s x8, expected 16.0 GT/s x16"))
    #expect(outcome.output.contains("rdma.port-state mlx5_0/1: state DOWN"))
  }

  @Test func planArgumentsAndFiltersNarrowTheChecks() {
    let root = Self.sysroots + "/intel-max1550-x86_64-faulty"
    let gpu = EndToEndTests.hpctest(["--sysroot", root, "health", "plans/gpu"])
    #expect(gpu.status == 1)
    #expect(gpu.output.split(separator: "\n").allSatisfy { $0.hasPrefix("gpu.") }, "\(gpu.output)")
    let rdmaOnly = EndToEndTests.hpctest(["--sysroot", root, "health", "--filter", "tag: sysfs & tag: rdma"])
    #expect(rdmaOnly.status == 1)
    #expect(rdmaOnly.output.split(separator: "\n").allSatisfy { $0.hasPrefix("rdma.") }, "\(rdmaOnly.output)")
    let nothing = EndToEndTests.hpctest(["--sysroot", root, "health", "--filter", "tag: no-such-tag"])
    #expect(nothing.status == 0 && nothing.output.isEmpty)
  }

  @Test func plansWhoseHardwareIsMissingAreSkippedNotFailed() {
    let empty = EndToEndTests.temporaryDirectory()
    defer { FileSystem.removeTree(empty) }
    FileSystem.makeDirectories(empty + "/sys/bus/pci/devices")
    FileSystem.makeDirectories(empty + "/proc")
    let outcome = EndToEndTests.hpctest(["--sysroot", empty, "health", "-v"])
    #expect(outcome.status == 0, "\(outcome.output)")
    #expect(outcome.output.contains("skipped plan /plans/gpu: hardware requirement not met"))
  }

  @Test func ownErrorsExit2WithALocatedMessage() {
    let directory = EndToEndTests.temporaryDirectory()
    defer { FileSystem.removeTree(directory) }
    let site = directory + "/site.yaml"
    FileSystem.write(site, "defaults:\n  gpus: {a: 1}\n")
    let root = Self.sysroots + "/h200-x86_64"
    let bad = EndToEndTests.hpctest(["--sysroot", root, "health", "--site", site])
    #expect(bad.status == 2)
    #expect(bad.output.contains(site + ":2:"), "\(bad.output)")
    let missing = EndToEndTests.hpctest(["--sysroot", root, "health", "--site", directory + "/none.yaml"])
    #expect(missing.status == 2 && missing.output.contains("cannot read the site file"))
    let badFilter = EndToEndTests.hpctest(["--sysroot", root, "health", "plans/gpu", "--filter", "tag: ["])
    #expect(badFilter.status == 2, "\(badFilter.output)")
  }

  @Test func siteSectionsApplyByHostListAndFeature() {
    let directory = EndToEndTests.temporaryDirectory()
    defer { FileSystem.removeTree(directory) }
    let site = directory + "/site.yaml"
    FileSystem.write(site, "hosts:\n  - match: [\"feature:needs-three\"]\n    expect: {gpus: 3}\n")
    let root = Self.sysroots + "/intel-max1550-x86_64"
    let plain = EndToEndTests.hpctest(["--sysroot", root, "health", "--site", site])
    #expect(plain.status == 0, "\(plain.output)")
    let featured = EndToEndTests.hpctest(["--sysroot", root, "health", "--site", site, "--feature", "needs-three"])
    #expect(featured.status == 1)
    #expect(featured.output.contains("gpu.inventory"), "\(featured.output)")
  }

  /// A FIFO in place of a sysfs attribute blocks `open` forever, as a hung sysfs read does.
  @Test func theWatchdogEndsAHungReadAtTheTimeout() throws {
    let directory = EndToEndTests.temporaryDirectory()
    defer { FileSystem.removeTree(directory) }
    #expect(system("cp -a '\(Self.sysroots)/intel-max1550-x86_64' '\(directory)/root'") == 0)
    let device = try #require(FileSystem.realPath(directory + "/root/sys/bus/pci/devices/0000:03:00.0"))
    unlink(device + "/aer_dev_fatal")
    #expect(mkfifo(device + "/aer_dev_fatal", 0o644) == 0)
    let start = ContinuousClock.now
    let outcome = EndToEndTests.hpctest(["--sysroot", directory + "/root", "health", "--timeout", "2"])
    let elapsed = ContinuousClock.now - start
    #expect(outcome.status == 1, "\(outcome.output)")
    #expect(outcome.output.contains("hpctest: timeout after 2 s"))
    #expect(elapsed < .seconds(15), "\(elapsed)")
  }
}
