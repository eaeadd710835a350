import Glibc
import HPCBasics
import Testing

/// Reopened runs (`--id`, `--last`) keep the plans, context, environment, sysroot and site recorded in run.yaml;
/// `status`, `clean runs` and `--dry` behave as tmt's.
@Suite struct RunRecordEndToEndTests {
  typealias E2E = EndToEndTests

  /// A tree whose outcomes depend on the context (`adjust`) and on an `-e` variable, with two plans.
  static func tree() -> String {
    let root = E2E.temporaryDirectory()
    FileSystem.makeDirectories(root + "/.fmf")
    FileSystem.write(root + "/.fmf/version", "1\n")
    FileSystem.write(
      root + "/main.fmf",
      """
      /tests:
        /context:
          test: "false"
          adjust:
            - when: target == nightly
              result: pass
        /environment:
          test: test "$FOO" = bar
      /plans:
        /one:
          discover: {how: fmf}
          execute: {how: tmt}
        /two:
          discover: {how: fmf}
          execute: {how: tmt}

      """)
    return root
  }

  static func results(_ run: String, plan: String) -> String {
    FileSystem.readText(run + "/plans/\(plan)/execute/results.yaml") ?? ""
  }

  /// The number of results (not sub-results or original results) with `outcome`.
  static func count(_ outcome: String, _ run: String, plan: String) -> Int {
    results(run, plan: plan).split(separator: "\n").filter { $0 == "  result: \(outcome)" }.count
  }

  @Test func againWithoutOptionsKeepsTheRecordedPlansContextAndEnvironment() {
    let root = Self.tree()
    let work = E2E.temporaryDirectory()
    defer { FileSystem.removeTree(root); FileSystem.removeTree(work) }
    let first = E2E.hpctest(
      ["-c", "target=nightly", "run", "-i", work + "/r", "-e", "FOO=bar", "plans", "--name", "/plans/one"], in: root)
    #expect(first.status == 0, "\(first.output)")
    let record = FileSystem.readText(work + "/r/run.yaml") ?? ""
    #expect(record.contains("- /plans/one") && !record.contains("/plans/two"))
    #expect(record.contains("target:\n  - nightly") || record.contains("target:\n- nightly"))
    #expect(record.contains("FOO: bar"))
    // Reopened from elsewhere, with no plan, context or -e: the same plan, the same outcomes.
    let again = E2E.hpctest(["run", "--id", work + "/r", "--again"], in: "/")
    #expect(again.status == 0, "\(again.output)")
    #expect(!FileSystem.exists(work + "/r/plans/two"))
    #expect(Self.count("fail", work + "/r", plan: "one") == 0 && Self.count("pass", work + "/r", plan: "one") == 2)
    let since = E2E.hpctest(["run", "--id", work + "/r", "--since", "report"], in: "/")
    #expect(since.status == 0 && since.output.contains("/plans/one") && !since.output.contains("/plans/two"))
    // An explicit context on the command line wins, as in tmt.
    let other = E2E.hpctest(["-c", "target=ci", "run", "--id", work + "/r", "--again"], in: root)
    #expect(other.status == 1)
    #expect(Self.count("fail", work + "/r", plan: "one") == 1)
  }

  @Test func reopenedFixtureRunKeepsItsSysrootAndSite() {
    let work = E2E.temporaryDirectory()
    defer { FileSystem.removeTree(work) }
    let fixture = E2E.sysroots + "/a30-cx6-aarch64-faulty"
    let site = E2E.repository + "/Tests/Targets/nightly-a30.yaml"
    let first = E2E.hpctest([
      "-c", "arch=aarch64", "-c", "target=nightly-a30", "--sysroot", fixture, "run", "-i", work + "/r",
      "--site", site, "plans/gpu",
    ])
    #expect(first.status == 1, "\(first.output)")
    let failing = Self.count("fail", work + "/r", plan: "gpu")
    #expect(failing >= 1)
    // This host has none of the fixture's GPUs: a fresh probe would skip every test instead of failing again.
    let again = E2E.hpctest(["run", "--id", work + "/r", "--again", "tests", "--failed-only"])
    #expect(again.status == 1, "\(again.output)")
    #expect(Self.count("fail", work + "/r", plan: "gpu") == failing)
    let report = E2E.hpctest(["run", "--id", work + "/r", "report"])
    #expect(report.output.contains("/plans/gpu") && !report.output.contains("/plans/rdma"))
  }

  @Test func statusShowsRunsPlansAndStepsAsTmt() {
    let root = Self.tree()
    let work = E2E.temporaryDirectory()
    defer { FileSystem.removeTree(root); FileSystem.removeTree(work) }
    let environment = ["HPCTEST_WORKDIR_ROOT": work]
    _ = E2E.hpctest(["-c", "target=nightly", "run", "-e", "FOO=bar"], in: root, environment: environment)
    _ = E2E.hpctest(
      ["run", "--until", "discover", "plans", "--name", "/plans/two"], in: root, environment: environment)
    // A plan whose prepare fails: provisioned and reported, never prepared, executed or finished.
    FileSystem.write(
      root + "/broken.fmf", "discover: {how: fmf}\nprepare: {how: shell, script: \"false\"}\nexecute: {how: tmt}\n")
    _ = E2E.hpctest(["run", "plans", "--name", "/broken"], in: root, environment: environment)
    let runs = E2E.hpctest(["status"], environment: environment)
    #expect(
      runs.output.split(separator: "\n").map(String.init) == [
        "status     id", "done       \(work)/run-001", "done       \(work)/run-002", "report     \(work)/run-003",
      ])
    let plans = E2E.hpctest(["status", "-v", "--id", "run-001"], environment: environment)
    #expect(plans.output.contains("done       \(work)/run-001  /plans/one"))
    #expect(plans.output.contains("done       \(work)/run-001  /plans/two"))
    let steps = E2E.hpctest(["status", "-vv", "--id", "run-003"], environment: environment)
    #expect(steps.output.hasPrefix("disc prov prep exec repo fini  id\n"))
    #expect(steps.output.contains("done done todo todo done todo  \(work)/run-003  /broken"))
    let active = E2E.hpctest(["status", "--active"], environment: environment)
    #expect(active.output.contains("run-003") && !active.output.contains("run-001"))
    let abandoned = E2E.hpctest(["status", "--abandoned"], environment: environment)
    #expect(abandoned.output.contains("run-003") && !abandoned.output.contains("run-002"))
    let finished = E2E.hpctest(["status", "--finished"], environment: environment)
    #expect(finished.output.contains("run-001") && !finished.output.contains("run-003"))
    let missing = E2E.hpctest(["status", "--id", "run-999"], environment: environment)
    #expect(missing.status == 2 && missing.output.contains("run-999"))
  }

  @Test func cleanKeepsTheNewestAndNeverRemovesThroughALink() {
    let root = Self.tree()
    let work = E2E.temporaryDirectory()
    let outside = E2E.temporaryDirectory()
    defer { FileSystem.removeTree(root); FileSystem.removeTree(work); FileSystem.removeTree(outside) }
    let environment = ["HPCTEST_WORKDIR_ROOT": work]
    for _ in 0..<3 { _ = E2E.hpctest(["run", "--until", "discover"], in: root, environment: environment) }
    FileSystem.write(outside + "/keep-me", "data\n")
    symlink(outside, work + "/run-900")
    let dry = E2E.hpctest(["clean", "runs", "--keep", "1", "--dry"], environment: environment)
    #expect(dry.status == 0 && dry.output.contains("Would remove"))
    #expect(FileSystem.isDirectory(work + "/run-001"))
    let clean = E2E.hpctest(["clean", "runs", "--keep", "1"], environment: environment)
    #expect(clean.status == 0, "\(clean.output)")
    #expect(!FileSystem.exists(work + "/run-001") && !FileSystem.exists(work + "/run-002"))
    #expect(FileSystem.isDirectory(work + "/run-003"))
    #expect(FileSystem.readText(outside + "/keep-me") == "data\n")
    let all = E2E.hpctest(["clean", "runs"], environment: environment)
    #expect(all.status == 0 && !FileSystem.exists(work + "/run-003"))
  }

  @Test func dryListsPlansStepsAndTestsAndWritesNothing() {
    let root = Self.tree()
    let work = E2E.temporaryDirectory()
    defer { FileSystem.removeTree(root); FileSystem.removeTree(work) }
    let dry = E2E.hpctest(
      ["run", "-n", "-v", "plans", "--name", "/plans/one"], in: root, environment: ["HPCTEST_WORKDIR_ROOT": work])
    #expect(dry.status == 0)
    for line in [
      "/plans/one", "    discover", "        summary: 2 tests selected", "            /tests/context", "    execute",
      "        how: tmt",
    ] {
      #expect(dry.output.split(separator: "\n").contains(Substring(line)), "\(line) in \(dry.output)")
    }
    #expect(!dry.output.contains("/plans/two"))
    #expect(FileSystem.list(work)?.isEmpty == true)
  }
}
