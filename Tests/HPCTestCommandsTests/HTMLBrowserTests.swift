import Glibc
import HPCBasics
import Reporting
import TMTModel
import Testing

/// `report -h html` pages opened in a real headless Chromium (Debian's `chromium-headless-shell`): the DOM after
/// the page's own script ran is dumped and checked.
@Suite(.serialized, .enabled(if: Chromium.path != nil, Comment(rawValue: Chromium.absence)))
struct HTMLBrowserTests {

  /// A real run of the rdma plan on the faulty A30 fixture, reported as one page with `--file`.
  static func faultyRunPage() -> (directory: String, page: String, results: [TestResult]) {
    let directory = EndToEndTests.temporaryDirectory()
    let page = directory + "/page dir/report.html"
    FileSystem.makeDirectories(directory + "/page dir")
    let outcome = EndToEndTests.hpctest([
      "--sysroot", "Tests/Sysroots/a30-cx6-aarch64-faulty", "run", "--id", directory + "/r", "-a", "plans/rdma",
      "report", "-h", "html", "--file", page,
    ])
    #expect(outcome.status == 1, "\(outcome.output)")
    #expect(outcome.output.contains("output: \(page)"))
    let file = directory + "/r/plans/rdma/execute/results.yaml"
    let results = (try? ResultsYAML.read(FileSystem.readText(file) ?? "", file: file)) ?? []
    return (directory, page, results)
  }

  @Test func aRealRunRendersWithEveryTestAndItsFailingDevice() throws {
    let (directory, page, results) = Self.faultyRunPage()
    defer { FileSystem.removeTree(directory) }
    #expect(!results.isEmpty)
    let (dump, problem) = Chromium.dumpDOM(Chromium.url(page))
    let dom = try #require(dump, "\(problem)").dom
    #expect(Chromium.integer("data-load-ms", in: dom) != nil, "the page's script ran")
    let tests = Chromium.tests(in: dom)
    #expect(tests.hidden.isEmpty)
    #expect(tests.shown.sorted() == results.map(\.result.rawValue).sorted())
    #expect(Chromium.shownCount(in: dom) == results.count)
    #expect(dom.contains("<td class=\"name\">/tests/rdma/port-state</td>"))
    let port = try #require(results.first { $0.name == "/tests/rdma/port-state" })
    for sub in port.subresult where sub.result == .fail {
      #expect(dom.contains("<td class=\"name\" colspan=\"2\">\(sub.name)</td>"), "\(sub.name)")
    }
    #expect(dom.contains("DOWN"), "the failing port's reason is on the page")
  }

  /// `#outcome=fail` shows only failing tests, hides plans left empty, and counts what is shown; `#outcome=`
  /// with every outcome shows them all again.
  @Test func theFilterFromTheFragmentHidesOtherOutcomes() throws {
    let (directory, page, results) = Self.faultyRunPage()
    defer { FileSystem.removeTree(directory) }
    let failing = results.filter { $0.result == .fail }.count
    #expect(failing > 0)
    let (dump, problem) = Chromium.dumpDOM(Chromium.url(page, fragment: "outcome=fail"))
    let dom = try #require(dump, "\(problem)").dom
    let tests = Chromium.tests(in: dom)
    #expect(tests.shown == Array(repeating: "fail", count: failing))
    #expect(tests.hidden.count == results.count - failing)
    #expect(Chromium.shownCount(in: dom) == failing)
    let (none, _) = Chromium.dumpDOM(Chromium.url(page, fragment: "outcome=error"))
    let empty = try #require(none).dom
    #expect(Chromium.tests(in: empty).shown.count == results.filter { $0.result == .error }.count)
    #expect(
      empty.contains("<section class=\"plan\" data-plan=\"/plans/rdma\" hidden=\"\">") == !results.contains {
        $0.result == .error
      })
  }

  /// A 1,000-test run (4 devices each, figures on every tenth) stays under 2 MB and loads in under a second
  /// (navigation start to the load event, as the page records it; the best of three loads, as the machine may be
  /// busy); the filter still works at that size.
  @Test func aThousandTestPageIsSmallAndFast() throws {
    let directory = EndToEndTests.temporaryDirectory()
    defer { FileSystem.removeTree(directory) }
    let plan = directory + "/plans/generated"
    let page = plan + "/report/default-0/index.html"
    FileSystem.makeDirectories(Path.dirname(page))
    let run = Self.largeRun(tests: 1000, run: directory, plan: plan)
    let document = HTMLReport.document(run, options: .init(pageDirectory: Path.dirname(page)))
    #expect(FileSystem.write(page, document))
    let bytes = document.utf8.count
    #expect(bytes < 2_000_000, "\(bytes) bytes")
    var loads: [Int] = []
    for _ in 0..<3 {
      let (dump, problem) = Chromium.dumpDOM(Chromium.url(page, fragment: "outcome=fail,error"))
      let result = try #require(dump, "\(problem)")
      loads.append(try #require(Chromium.integer("data-load-ms", in: result.dom)))
      print("1,000-test page: \(bytes) bytes, load event at \(loads.last!) ms, browser wall \(result.seconds) s")
      #expect(Chromium.shownCount(in: result.dom) == 400)
      #expect(Chromium.tests(in: result.dom).hidden.count == 600)
      if loads.last! < 1000 { break }
    }
    #expect(loads.min()! < 1000, "load event at \(loads) ms")
  }

  /// Tests cycling through pass, fail, skip, error, pass (200 fail and 200 error of 1,000).
  static func largeRun(tests: Int, run: String, plan: String) -> ReportedRun {
    let outcomes: [ResultOutcome] = [.pass, .fail, .skip, .error, .pass]
    let results = (0..<tests).map { index -> ReportedTest in
      let outcome = outcomes[index % outcomes.count]
      let subs = (0..<4).map { device in
        SubResult(
          name: "/mlx5_\(device)/1", result: outcome == .fail && device == 0 ? .fail : .pass,
          note: ["mlx5_\(device)/1: state ACTIVE, rate 200 Gb/sec (4X HDR)"],
          log: ["data/guest/default-0/tests/t\(index)-\(index + 1)/data/mlx5_\(device)_1/message.txt"])
      }
      let result = TestResult(
        name: "/tests/generated/t\(index)", serialNumber: index + 1, result: outcome,
        note: outcome == .fail ? ["mlx5_0/1: state DOWN, expected ACTIVE"] : [],
        log: ["data/guest/default-0/tests/generated/t\(index)-\(index + 1)/output.txt"], duration: "00:00:01",
        subresult: subs)
      let figures =
        index % 10 == 0
        ? [
          ReportFigure(
            check: "rdma.write-bw", name: "mlx5_0/1:bw", value: 97, reference: 100, lower: -0.1, unit: "Gb/s")
        ]
        : []
      return ReportedTest(result: result, figures: figures)
    }
    let reported = ReportedPlan(name: "/plans/generated", executeDirectory: plan + "/execute", tests: results)
    return ReportedRun(path: run, plans: [reported])
  }
}
