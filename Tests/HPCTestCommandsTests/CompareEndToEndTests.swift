import Glibc
import HPCBasics
import Testing

/// `hpctest compare` on real runs: the rdma plan on the healthy and the faulty A30 fixtures, and a benchmark
/// stand-in whose figures move with the environment.
@Suite struct CompareEndToEndTests {
  static let figuresTree = EndToEndTests.repository + "/Tests/HPCTestCommandsTests/Fixtures/compare-figures"

  /// Runs the rdma plan on `fixture` into `directory/name`.
  static func rdmaRun(_ fixture: String, into run: String) {
    let outcome = EndToEndTests.hpctest([
      "--sysroot", EndToEndTests.sysroots + "/" + fixture, "run", "--id", run, "plans/rdma",
    ])
    #expect(outcome.status == 0 || outcome.status == 1, "\(outcome.output)")
  }

  /// Runs the benchmark stand-in with bandwidth `bw` Gb/s and latency `lat` µs into `run`.
  static func figuresRun(bw: String, lat: String, into run: String) {
    let outcome = EndToEndTests.hpctest(
      ["run", "--id", run, "-e", "BW=" + bw, "-e", "LAT=" + lat, "-a", "report", "-h", "html"], in: figuresTree)
    #expect(outcome.status == 0 || outcome.status == 1, "\(outcome.output)")
  }

  @Test func healthyToFaultyListsTheFailingDevicesAsRegressions() {
    let directory = EndToEndTests.temporaryDirectory()
    defer { FileSystem.removeTree(directory) }
    Self.rdmaRun("a30-cx6-aarch64", into: directory + "/healthy")
    Self.rdmaRun("a30-cx6-aarch64-faulty", into: directory + "/faulty")
    let plain = EndToEndTests.hpctest(["compare", directory + "/healthy", directory + "/faulty"])
    #expect(plain.status == 0, "\(plain.output)")
    let lines = plain.output.split(separator: "\n").map(String.init)
    let regressions = lines.filter { $0.hasPrefix("  REGRESSION") }
    #expect(regressions.contains { $0.contains("/plans/rdma") && $0.hasSuffix("/tests/rdma/port-state") })
    #expect(regressions.contains { $0.contains("/tests/rdma/port-state /mlx5_0") }, "\(plain.output)")
    let first = lines.firstIndex { $0.hasPrefix("outcomes:") }!
    #expect(lines[first + 1].hasPrefix("  REGRESSION"), "regressions come first")
    let failing = EndToEndTests.hpctest([
      "compare", "--fail-on-regression", directory + "/healthy", directory + "/faulty",
    ])
    #expect(failing.status == 1)
    let back = EndToEndTests.hpctest(["compare", "--fail-on-regression", directory + "/faulty", directory + "/healthy"])
    #expect(back.status == 0, "\(back.output)")
    #expect(back.output.contains("  improved"))
    #expect(!back.output.contains("REGRESSION"))
    let same = EndToEndTests.hpctest(["compare", "--fail-on-regression", directory + "/faulty", directory + "/faulty"])
    #expect(same.status == 0)
    #expect(same.output.contains("outcomes: 0 changed"))
  }

  @Test func aFigurePastItsToleranceIsARegressionAndWithinItIsNot() throws {
    let directory = EndToEndTests.temporaryDirectory()
    defer { FileSystem.removeTree(directory) }
    Self.figuresRun(bw: "98", lat: "1.5", into: directory + "/base")
    Self.figuresRun(bw: "94", lat: "1.6", into: directory + "/noise")
    Self.figuresRun(bw: "80", lat: "1.5", into: directory + "/drop")
    let noise = EndToEndTests.hpctest(["compare", "--fail-on-regression", directory + "/base", directory + "/noise"])
    #expect(noise.status == 0, "\(noise.output)")
    let noiseLines = noise.output.replacing(/[ ]+/, with: " ")
    #expect(
      noiseLines.contains(
        "\n /plans/perf /tests/bandwidth rdma.write-bw mlx5_0/1:bw 98 -> 94 Gb/s -4.1% tolerance -10.0%\n"))
    #expect(noise.output.contains("figures: 2, 0 past tolerance"))
    let drop = EndToEndTests.hpctest(["compare", "--fail-on-regression", directory + "/base", directory + "/drop"])
    #expect(drop.status == 1, "\(drop.output)")
    #expect(drop.output.contains("REGRESSION  /plans/perf  /tests/bandwidth  rdma.write-bw  mlx5_0/1:bw"))
    #expect(drop.output.replacing(/[ ]+/, with: " ").contains("98 -> 80 Gb/s -18.4% tolerance -10.0%\n"))
    #expect(drop.output.contains("pass -> fail  /plans/perf  /tests/bandwidth /mlx5_0/1:bw"))
    let json = EndToEndTests.hpctest(["compare", "--json", directory + "/base", directory + "/drop"])
    let parsed = try #require(JSON.parse(json.output))
    let bw = try #require(parsed["figures"]?.elements.first { $0["name"]?.text == "mlx5_0/1:bw" })
    #expect(bw["verdict"]?.text == "regressed" && bw["before"]?.text == "98" && bw["after"]?.text == "80")
    let html = directory + "/compare.html"
    let page = EndToEndTests.hpctest(["compare", "--html", html, directory + "/base", directory + "/drop"])
    #expect(page.status == 0)
    #expect(FileSystem.readText(html)?.contains("<span class=\"flag\">REGRESSION</span>") == true)
    let report = FileSystem.readText(directory + "/drop/plans/perf/report/default-0/index.html") ?? ""
    #expect(report.contains("<td class=\"name\">mlx5_0/1:bw</td><td class=\"number\">80 Gb/s</td>"))
  }

  @Test func namedRunsLiveUnderTheWorkdirRoot() {
    let directory = EndToEndTests.temporaryDirectory()
    defer { FileSystem.removeTree(directory) }
    Self.figuresRun(bw: "98", lat: "1.5", into: directory + "/base")
    let named = EndToEndTests.hpctest(["compare", "--workdir-root", directory, "base", "base"])
    #expect(named.status == 0, "\(named.output)")
    let fromEnvironment = EndToEndTests.hpctest(
      ["compare", "base", "base"], environment: ["HPCTEST_WORKDIR_ROOT": directory])
    #expect(fromEnvironment.output == named.output)
  }

  @Test func badInputIsAClearErrorWithExit2() {
    let directory = EndToEndTests.temporaryDirectory()
    defer { FileSystem.removeTree(directory) }
    Self.figuresRun(bw: "98", lat: "1.5", into: directory + "/base")
    let missing = EndToEndTests.hpctest(["compare", directory + "/base", directory + "/nope"])
    #expect(missing.status == 2)
    #expect(missing.output == "error: no run directory '\(directory)/nope'\n")
    let unnamed = EndToEndTests.hpctest(["compare", "--workdir-root", directory, "base", "run-404"])
    #expect(unnamed.output == "error: no run directory '\(directory)/run-404'\n")
    FileSystem.makeDirectories(directory + "/empty")
    let empty = EndToEndTests.hpctest(["compare", directory + "/base", directory + "/empty"])
    #expect(empty.status == 2)
    #expect(empty.output.contains("holds no results"))
    let figures =
      directory + "/base/plans/perf/execute/data/guest/default-0/tests/bandwidth-1/data/hpctest-figures.yaml"
    #expect(FileSystem.exists(figures))
    FileSystem.write(figures, "- name: x\n  value: fast\n")
    let broken = EndToEndTests.hpctest(["compare", directory + "/base", directory + "/base"])
    #expect(broken.status == 2)
    #expect(broken.output == "\(figures):2:10: error: 'value' must be a number, got 'fast'\n")
    let usage = EndToEndTests.hpctest(["compare", directory + "/base"])
    #expect(usage.status == 2)
  }
}
