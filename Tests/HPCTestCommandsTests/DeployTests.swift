import Glibc
import HPCBasics
import TestSupport
import Testing

/// `scripts/install` into a staging root, run with the built binary: the layout, the installed suite, the hint
/// outside a tree, the commented site file, and the version the RPM spec declares.
@Suite(.serialized) struct DeployTests {
  static let repository = EndToEndTests.repository

  struct Outcome {
    var status: Int32
    var output: String
  }

  /// Runs `command` with `sh -c`, stdout and stderr merged.
  static func shell(_ command: String) -> Outcome {
    let log = Scratch.file("hpctest-deploy-", name: "output.log")
    defer { unlink(log) }
    let status = system("(\(command)) >'\(log)' 2>&1 </dev/null")
    return Outcome(status: (status >> 8) & 0xff, output: FileSystem.readText(log) ?? "")
  }

  /// Installs the debug build with `scripts/install ARGUMENTS --destdir STAGE` and returns the outcome.
  static func install(_ stage: String, _ arguments: [String] = ["--prefix", "/usr"]) -> Outcome {
    let words = ["--destdir", stage, "--binary", EndToEndTests.binary, "--no-manual"] + arguments
    return shell("'\(repository)/scripts/install' " + words.map { "'\($0)'" }.joined(separator: " "))
  }

  @Test(arguments: [("/usr", "/etc"), ("/usr/local", "/etc"), ("/opt/hpctest", "/opt/hpctest/etc")])
  func installPutsEachThingInItsFHSPlace(prefix: String, sysconfdir: String) {
    let stage = EndToEndTests.temporaryDirectory()
    defer { _ = FileSystem.removeTree(stage) }
    let outcome = Self.install(stage, ["--prefix", prefix])
    #expect(outcome.status == 0, "\(outcome.output)")
    let root = stage + prefix
    let expected = [
      "/bin/hpctest", "/share/hpctest/.fmf/version", "/share/hpctest/plans/gpu.fmf",
      "/share/hpctest/tests/gpu/pcie-link/main.fmf", "/share/bash-completion/completions/hpctest",
      "/share/zsh/site-functions/_hpctest", "/share/fish/vendor_completions.d/hpctest.fish",
      "/lib/systemd/system/hpctest-nightly.service", "/lib/systemd/system/hpctest-nightly.timer",
      "/libexec/hpctest/nightly", "/share/doc/hpctest/DEPLOY.md", "/share/doc/hpctest/site.example.yaml",
    ]
    for path in expected { #expect(FileSystem.exists(root + path), "\(path)") }
    #expect(FileSystem.exists(stage + sysconfdir + "/hpctest/site.yaml"))
    let service = FileSystem.readText(root + "/lib/systemd/system/hpctest-nightly.service") ?? ""
    #expect(service.contains("ExecStart=\(prefix)/libexec/hpctest/nightly"))
    #expect(service.contains("HPCTEST_NIGHTLY_CONFIG=\(sysconfdir)/hpctest/nightly.conf"))
    #expect(!service.contains("@PREFIX@") && !service.contains("@SYSCONFDIR@"))
  }

  @Test func theInstalledSiteFileIsTheExampleCommentedOut() {
    let stage = EndToEndTests.temporaryDirectory()
    defer { _ = FileSystem.removeTree(stage) }
    #expect(Self.install(stage).status == 0)
    let site = FileSystem.readText(stage + "/etc/hpctest/site.yaml") ?? ""
    let active = site.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }
    #expect(active.isEmpty, "\(active)")
    let example = FileSystem.readText(Self.repository + "/etc/site.example.yaml") ?? ""
    for line in example.split(separator: "\n") where !line.hasPrefix("#") {
      #expect(site.contains("# " + line), "\(line)")
    }
    // It is a valid (empty) site file: the check runs and judges with the built-in defaults.
    let check = EndToEndTests.hpctest(["check", "--site", stage + "/etc/hpctest/site.yaml", "gpu.inventory"])
    #expect(check.status == 0, "\(check.output)")
  }

  @Test func theInstalledSuiteRunsFromAnywhereAndIsNamedOutsideATree() {
    let stage = EndToEndTests.temporaryDirectory()
    defer { _ = FileSystem.removeTree(stage) }
    #expect(Self.install(stage).status == 0)
    let binary = stage + "/usr/bin/hpctest"
    let suite = stage + "/usr/share/hpctest"
    let outside = Self.shell("cd '\(stage)' && '\(binary)' run plans/gpu")
    #expect(outside.status == 2)
    #expect(outside.output.contains("note: the installed suite is at \(suite): hpctest --root \(suite) run plans/gpu"))
    let listing = Self.shell("cd / && '\(binary)' plans ls")
    #expect(listing.output.contains("hpctest --root \(suite) plans ls"), "\(listing.output)")
    let empty = stage + "/empty"
    _ = FileSystem.makeDirectories(empty + "/sys/bus/pci/devices")
    _ = FileSystem.makeDirectories(empty + "/proc")
    let run = Self.shell(
      "cd / && '\(binary)' --sysroot '\(empty)' --root '\(suite)' run --id '\(stage)/run' --ignore-hardware plans/gpu")
    #expect(run.status == 4, "\(run.output)")
    let results = FileSystem.readText(stage + "/run/plans/gpu/execute/results.yaml") ?? ""
    #expect(results.contains("name: /tests/gpu/pcie-link") && results.contains("result: skip"))
    #expect(!results.contains("result: fail") && !results.contains("result: error"))
  }

  @Test(arguments: [
    (["--prefix", "usr"], "--prefix must be absolute"), (["--frobnicate"], "unknown argument '--frobnicate'"),
    (["--prefix"], "--prefix needs a value"),
  ])
  func badInstallArgumentsAreClearErrors(arguments: [String], message: String) {
    let stage = EndToEndTests.temporaryDirectory()
    defer { _ = FileSystem.removeTree(stage) }
    let outcome = Self.install(stage, arguments)
    #expect(outcome.status != 0)
    #expect(outcome.output.contains(message), "\(outcome.output)")
  }

  @Test func theVersionIsTheOneTheRPMSpecDeclares() {
    let spec = FileSystem.readText(Self.repository + "/dist/hpctest.spec") ?? ""
    let line = spec.split(separator: "\n").first { $0.hasPrefix("Version:") }
    let version = line.map { $0.dropFirst("Version:".count).trimmingCharacters(in: " ") } ?? "?"
    let outcome = EndToEndTests.hpctest(["--version"])
    #expect(outcome.output == version + "\n")
    #expect(spec.contains("- \(version)-1\n"), "the changelog names \(version)")
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: Character) -> String {
    String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
  }
}
