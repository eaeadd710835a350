import Checks
import HPCBasics
import Reporting
import TMTModel
import Testing
import YAML

@testable import Workflow

/// `report -h html`: options as tmt names them, the page's default place, plan keys, figures from the tests.
@Suite struct HTMLReportStepTests {
  @Test(
    arguments: [
      (["report", "-h", "html", "--file", "a.html"], "a.html", nil),
      (["report", "--file", "a.html", "-h", "html"], "a.html", nil),
      (["report", "-h", "junit", "--file", "j.xml", "-h", "html", "--file", "a.html"], "a.html", "j.xml"),
      (["report", "-h", "html", "-h", "junit", "--file", "j.xml"], nil, "j.xml"),
      (["report", "-h", "html"], nil, nil),
    ] as [([String], String?, String?)])
  func fileGoesToTheMethodNamedBeforeIt(arguments: [String], html: String?, junit: String?) throws {
    let options = try RunArguments.parse(arguments)
    #expect(options.html.file == html)
    #expect(options.junitFile == junit)
    #expect(options.reportHows.contains("html"))
  }

  @Test(arguments: [
    (
      ["report", "-h", "html", "--display-guest", "often"],
      "'report --display-guest' must be one of auto, always, never, got 'often'"
    ),
    (["report", "-h", "junit", "--absolute-paths"], "'report --absolute-paths' needs '--how html'"),
    (["report", "--display-guest", "always"], "'report --display-guest' needs '--how html'"),
    (["report", "--file", "x"], "'report --file' needs '--how junit' or '--how html'"),
    (["report", "-h", "html", "--open"], "no such option '--open' for 'run report'"),
  ])
  func badOptionsAreNamed(arguments: [String], message: String) {
    #expect {
      _ = try RunArguments.parse(arguments)
    } throws: { error in
      (error as? Diagnostic)?.message.hasPrefix(message) == true
    }
  }

  static func figuresTest(_ name: String, figures: String) -> TMTTest {
    Harness.test(
      name, "printf '%s' '\(figures)' >\"$TMT_TEST_DATA/hpctest-figures.yaml\"; tmt-report-result /dev0 FAIL")
  }

  static let figure =
    "- check: \"rdma.write-bw\"\n  name: \"mlx5_0/1:bw\"\n  value: 80\n  reference: 100\n"
    + "  lower: -0.1\n  upper: null\n  unit: \"Gb/s\"\n  result: \"fail\"\n"

  /// A plan's `report: {how: html, display-guest: always, absolute-paths: true}` writes tmt's
  /// `<plan>/report/default-0/index.html` with the guest column, absolute links and the test's figures.
  @Test func planKeysAndTheDefaultPlace() async throws {
    let harness = Harness()
    defer { FileSystem.removeTree(harness.workdirRoot) }
    let phase = TMTPhase(
      name: "default-0", how: "html",
      data: [("display-guest", YAMLNode(.string("always"))), ("absolute-paths", YAMLNode(.bool(true)))])
    let plan = Harness.plan("/plans", extra: [.report: [phase]])
    let code = try await harness.run([Self.figuresTest("/tests/bw", figures: Self.figure)], plans: [plan])
    #expect(code == 1)
    let page = harness.read("plans/report/default-0/index.html")
    #expect(page.contains("<th>guest</th>"))
    #expect(page.contains("href=\"\(harness.runDirectory)/plans/execute/data/guest/default-0/tests/bw-1/output.txt\""))
    #expect(page.contains("<td class=\"name\">mlx5_0/1:bw</td><td class=\"number\">80 Gb/s</td>"))
    #expect(page.contains("<td class=\"result fail\">fail</td><td class=\"name\" colspan=\"2\">/dev0</td>"))
    #expect(
      harness.lines.all.contains { $0.hasSuffix("output: \(harness.runDirectory)/plans/report/default-0/index.html") })
  }

  /// A broken figures file is a warning naming it; the page is still written, without figures.
  @Test func brokenFiguresAreAWarning() async throws {
    let harness = Harness()
    defer { FileSystem.removeTree(harness.workdirRoot) }
    let code = try await harness.run(
      [Self.figuresTest("/tests/bw", figures: "- name: x\n  value: fast\n")], arguments: ["-a", "report", "-h", "html"])
    #expect(code == 1)
    #expect(
      harness.lines.all.contains { $0.contains("warning: html report: ") && $0.contains("'value' must be a number") })
    #expect(harness.read("plans/report/default-0/index.html").contains("<td class=\"name\">/tests/bw</td>"))
  }

  /// `--file` into a directory that does not exist is an error with exit 2 (tmt's ReportError), nothing created.
  @Test func fileInAMissingDirectoryExits2() async throws {
    let harness = Harness()
    defer { FileSystem.removeTree(harness.workdirRoot) }
    let file = harness.workdirRoot + "/missing/page.html"
    let code = try await harness.run(
      [Harness.test("/tests/ok", "true")], arguments: ["-a", "report", "-h", "html", "--file", file])
    #expect(code == 2)
    #expect(harness.lines.all.contains("error: cannot write the HTML report to '\(file)'"))
    #expect(!FileSystem.exists(harness.workdirRoot + "/missing"))
  }

  /// What a check writes into `hpctest-figures.yaml` reads back as the same figures.
  @Test(arguments: [
    [CheckFigure("mlx5_0/1:bw", value: 92.5, reference: 100, lower: -0.1, unit: "Gb/s")],
    [
      CheckFigure("fairness", value: 0.97, reference: 1, lower: -0.05, unit: "Jain index"),
      CheckFigure("GPU 0→GPU 1", value: 21, reference: nil, unit: "GB/s"),
      CheckFigure("x\"y\\z", value: 1e-7, reference: 2, upper: 0, unit: "us"),
    ],
  ])
  func checksFiguresReadBack(figures: [CheckFigure]) throws {
    let text = FiguresFile.render(Checks.CheckResult(check: "some.check", items: [], figures: figures))
    let read = try ReportFigure.read(text, file: "hpctest-figures.yaml")
    #expect(read.map(\.name) == figures.map(\.name))
    #expect(read.map(\.value) == figures.map(\.value))
    #expect(read.map(\.reference) == figures.map(\.reference))
    #expect(read.map(\.lower) == figures.map(\.lower) && read.map(\.upper) == figures.map(\.upper))
    #expect(read.map(\.withinTolerance) == figures.map(\.withinTolerance))
    #expect(read.allSatisfy { $0.check == "some.check" })
  }
}
