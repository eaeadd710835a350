import HPCBasics
import TMTModel
import Testing

@testable import Reporting

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct HTMLReportTests {
  static let options = HTMLReport.Options(pageDirectory: "/runs/run-001/plans/gpu/report/default-0")

  @Test func goldenDocument() {
    let document = HTMLReport.document(HTMLSamples.run, options: Self.options)
    if getenv("HPCTEST_UPDATE_GOLDEN") != nil { FileSystem.write(Support.fixtures + "/golden/report.html", document) }
    #expect(document == Support.fixture("golden/report.html"))
  }

  /// Whatever a name, note or figure holds, it reaches the page as text: no element, attribute or control
  /// character of its own.
  @Test(arguments: [
    "<script>alert(1)</script>", "\" onmouseover=\"alert(1)", "' onload='x", "&amp;", "</td></tr></table>",
    "\u{0}\u{1B}[2J\u{7F}\u{9B}", "]]><!--",
  ])
  func everyTextIsEscaped(text: String) {
    var run = HTMLSamples.run
    run.path = text
    run.plans[0].name = text
    run.plans[0].tests[0].result.name = text
    run.plans[0].tests[0].result.note = [text]
    run.plans[0].tests[0].result.log = [text]
    run.plans[0].tests[0].result.subresult[0].name = text
    run.plans[1].tests[0].figures[0].name = text
    run.plans[1].tests[0].figures[0].unit = text
    let document = HTMLReport.document(run, options: Self.options)
    let stripped = document.replacing(/<style>[^<]*<\/style>|<script>[^<]*<\/script>|<!DOCTYPE html>/, with: "")
      .replacing(/<\/?[a-z0-9]+( [a-z-]+(="[^"<>]*")?)*>/, with: "")
    #expect(!stripped.contains("<"), "a tag other than the page's own")
    #expect(!stripped.contains(">"))
    #expect(!document.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
    #expect(!document.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) })
    #expect(!document.contains("<script>alert"))
  }

  /// Self-contained: no network address, no external script, style, image or font.
  @Test func pageNeedsNothingOutsideItself() {
    let document = HTMLReport.document(HTMLSamples.run, options: Self.options)
    for outside in ["http:", "https:", "//", "src=", "<link", "@import", "url(", "<img", "<iframe"] {
      #expect(!document.contains(outside), "\(outside)")
    }
    #expect(document.contains("<style>") && document.contains("<script>"))
  }

  /// Each test is one `<tbody>` carrying its outcome (what the filter hides), with a row per check and device.
  @Test func everyTestIsOneFilterableGroup() {
    let run = HTMLSamples.run
    let document = HTMLReport.document(run, options: Self.options)
    for test in run.results {
      #expect(document.contains("<tbody class=\"test\" data-outcome=\"\(test.result.rawValue)\">"))
    }
    #expect(document.components(separatedBy: "<tbody class=\"test\"").count - 1 == run.results.count)
    let subs = run.results.flatMap(\.subresult).count
    #expect(document.components(separatedBy: "<tr class=\"sub ").count - 1 == subs)
    for outcome in ResultOutcome.allCases {
      let count = run.results.filter { $0.result == outcome }.count
      #expect(
        document.contains(
          "data-outcome=\"\(outcome.rawValue)\" checked> \(outcome.rawValue) "
            + "<span class=\"count\">\(count)</span>"))
    }
  }

  @Test(arguments: [
    (HTMLReport.GuestDisplay.auto, 1, false), (.auto, 2, true), (.always, 1, true), (.never, 2, false),
  ])
  func guestColumnFollowsDisplayGuest(display: HTMLReport.GuestDisplay, guests: Int, shown: Bool) {
    var run = HTMLSamples.run
    run.plans = [run.plans[0]]
    if guests > 1 { run.plans[0].tests[1].result.guest = ResultGuest(name: "client-1") }
    let options = HTMLReport.Options(pageDirectory: nil, displayGuest: display)
    #expect(HTMLReport.document(run, options: options).contains("<th>guest</th>") == shown)
  }

  /// Log links are relative to the page (percent-encoded), or absolute with `--absolute-paths`.
  @Test func logLinksFollowThePage() {
    let run = HTMLSamples.run
    let relative = HTMLReport.document(run, options: Self.options)
    #expect(relative.contains("href=\"../../execute/data/guest/default-0/tests/gpu/pcie-link-1/output.txt\""))
    let other = HTMLReport.document(run, options: HTMLReport.Options(pageDirectory: "/elsewhere"))
    #expect(
      other.contains(
        "href=\"../runs/run-001/plans/rdma/execute/data/guest/default-0/tests/rdma/bandwidth-1/output%20file%231.txt\"")
    )
    let absolute = HTMLReport.document(run, options: HTMLReport.Options(pageDirectory: nil))
    #expect(
      absolute.contains(
        "href=\"/runs/run-001/plans/gpu/execute/data/guest/default-0/tests/gpu/pcie-link-1/output.txt\""))
  }

  @Test(arguments: [
    ("/r/p/execute/a", "/r/p/report/default-0", "../../execute/a"), ("/r/a/b", "/r/a", "b"), ("/a", "/a", "."),
    ("/x/y", "/a/b/c", "../../../x/y"), ("/r/./p/../q/f", "/r", "q/f"), ("/r/f", "/r/s/../t/", "../f"),
  ])
  func relativePaths(target: String, base: String, expected: String) {
    #expect(ReportPath.relative(target, from: base) == expected)
  }
}
