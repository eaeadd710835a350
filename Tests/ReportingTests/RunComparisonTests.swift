import HPCBasics
import TMTModel
import Testing

@testable import Reporting

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct RunComparisonTests {
  typealias Verdict = RunComparison.Verdict

  static func change(_ before: ReportFigure?, _ after: ReportFigure?) -> RunComparison.FigureChange {
    RunComparison.FigureChange(
      place: .init(plan: "/p", test: "/t", guest: "default-0"), check: "c", name: "n", before: before, after: after)
  }

  /// A regression is an outcome that became warn, fail or error and is worse than before; the reverse is an
  /// improvement; any other difference is a change. Checked over every pair of outcomes.
  @Test(arguments: ResultOutcome.allCases)
  func outcomeVerdicts(before: ResultOutcome) {
    for after in ResultOutcome.allCases where after != before {
      let verdict = RunComparison.OutcomeChange(
        place: .init(plan: "/p", test: "/t", guest: "default-0"), before: before, after: after
      ).verdict
      let bad: Set<ResultOutcome> = [.warn, .fail, .error]
      let expected: Verdict =
        bad.contains(after) && after.severity > before.severity
        ? .regressed : bad.contains(before) && after.severity < before.severity ? .improved : .changed
      #expect(verdict == expected, "\(before) -> \(after)")
    }
    #expect(
      RunComparison.OutcomeChange(place: .init(plan: "/p", test: "/t", guest: "g"), before: .pass, after: .fail)
        .verdict == .regressed)
    #expect(
      RunComparison.OutcomeChange(place: .init(plan: "/p", test: "/t", guest: "g"), before: .fail, after: .skip)
        .verdict == .improved)
  }

  /// Figures: a change larger than the tolerance in the bad direction (a drop for a figure bounded below, a rise
  /// for one bounded above, away from the reference with both) is a regression; leaving the band is one too.
  @Test(
    arguments: [
      // (before, after, reference, lower, upper, verdict)
      (100.0, 80.0, 100.0, -0.1, nil, Verdict.regressed),  // -20% past -10%
      (100.0, 95.0, 100.0, -0.1, nil, .changed),  // -5%, within
      (100.0, 120.0, 100.0, -0.1, nil, .improved),  // +20%, good direction
      (95.0, 89.0, 100.0, -0.1, nil, .regressed),  // -6.3% but leaves the band (floor 90)
      (85.0, 95.0, 100.0, -0.1, nil, .improved),  // back into the band
      (1.0, 1.5, 2.0, nil, 0.0, .changed),  // latency bounded above by 2 us, zero tolerance: only the band counts
      (1.5, 2.5, 2.0, nil, 0.0, .regressed),  // past the maximum
      (10.0, 12.0, 10.0, -0.1, 0.1, .regressed),  // two-sided: away from the reference
      (12.0, 10.0, 10.0, -0.1, 0.1, .improved),  // two-sided: back to it
      (10.0, 30.0, nil, nil, nil, .changed),  // no reference, no tolerance: never flagged
    ] as [(Double, Double, Double?, Double?, Double?, Verdict)])
  func figureVerdicts(
    before: Double, after: Double, reference: Double?, lower: Double?, upper: Double?,
    verdict: Verdict
  ) {
    let make = { (value: Double) in
      ReportFigure(check: "c", name: "n", value: value, reference: reference, lower: lower, upper: upper, unit: "u")
    }
    let change = Self.change(make(before), make(after))
    #expect(change.verdict == verdict)
    #expect(change.relative == (after - before) / before)
  }

  @Test func figuresOnOneSideOnlyAreNamedSo() {
    let figure = HTMLSamples.figure("x", 1)
    #expect(Self.change(figure, nil).verdict == .removed)
    #expect(Self.change(nil, figure).verdict == .added)
    #expect(Self.change(nil, figure).relative == nil)
  }

  /// Outcomes line up by plan, test, guest and device; unchanged ones are only counted; a test only one run has
  /// is listed on its side; regressions come first.
  @Test func linesUpTestsAndDevices() {
    let before = HTMLSamples.run
    var after = before
    after.path = "/runs/run-002"
    after.plans[0].tests[0].result.result = .pass  // pcie-link fail -> pass
    after.plans[0].tests[0].result.subresult[0].result = .pass
    after.plans[0].tests[1].result.result = .fail  // ecc pass -> fail
    after.plans[0].tests[1].result.subresult = [SubResult(name: "/GPU 0", result: .fail)]
    after.plans[1].tests.removeLast()  // /tests/rdma/info gone
    var guestTwin = after.plans[0].tests[2]
    guestTwin.result.guest = ResultGuest(name: "client-1")
    after.plans[0].tests.append(guestTwin)
    let comparison = RunComparison.compare(before, after)
    let rows = comparison.outcomes.map { ($0.place.test, $0.place.device, $0.before, $0.after, $0.verdict) }
    #expect(rows.map(\.4) == [.regressed, .improved, .improved, .removed, .added, .added])
    #expect(rows[0].0 == "/tests/gpu/ecc" && rows[0].1 == nil)
    #expect(rows[4].0 == "/tests/gpu/ecc" && rows[4].1 == "/GPU 0")
    #expect(comparison.outcomes[5].place.guest == "client-1")
    let total = before.results.count + before.results.flatMap(\.subresult).count
    #expect(comparison.unchanged == total - 4)
    #expect(comparison.regressions.outcomes == 1)
  }

  @Test func figuresLineUpByCheckAndName() {
    let before = HTMLSamples.run
    var after = before
    after.plans[1].tests[0].figures[0].value = 80  // 92.5 -> 80: -13.5%, past -10%
    after.plans[1].tests[0].figures[1].value = 72  // 71.25 -> 72
    after.plans[1].tests[0].figures.append(HTMLSamples.figure("mlx5_2/1:bw", 99))
    let comparison = RunComparison.compare(before, after)
    #expect(comparison.figures.map(\.name) == ["mlx5_0/1:bw", "mlx5_1/1:bw", "mlx5_0/1:lat", "mlx5_2/1:bw"])
    #expect(comparison.figures.map(\.verdict) == [.regressed, .changed, .changed, .added])
    #expect(comparison.regressions.figures == 1)
    let text = comparison.text.replacing(/[ ]+/, with: " ")
    #expect(
      text.contains("REGRESSION /plans/rdma /tests/rdma/bandwidth rdma.write-bw mlx5_0/1:bw 92.5 -> 80 Gb/s -13.5%"))
    #expect(text.contains("mlx5_0/1:bw 92.5 -> 80 Gb/s -13.5% tolerance -10.0%\n"))
    #expect(text.contains("only after /plans/rdma /tests/rdma/bandwidth rdma.write-bw mlx5_2/1:bw - -> 99 Gb/s\n"))
    #expect(text.hasSuffix("regressions: 0 outcomes and 1 figure\n"))
  }

  @Test func goldenText() {
    var after = HTMLSamples.run
    after.path = "/runs/run-002"
    after.plans[0].tests[1].result.result = .fail
    after.plans[1].tests[0].figures[0].value = 80
    let text = RunComparison.compare(HTMLSamples.run, after).text
    if getenv("HPCTEST_UPDATE_GOLDEN") != nil { FileSystem.write(Support.fixtures + "/golden/compare.txt", text) }
    #expect(text == Support.fixture("golden/compare.txt"))
  }

  @Test func jsonCarriesEveryChange() throws {
    var after = HTMLSamples.run
    after.plans[0].tests[1].result.result = .fail
    after.plans[1].tests[0].figures[0].value = 80
    let comparison = RunComparison.compare(HTMLSamples.run, after)
    let json = try #require(JSON.parse(comparison.json.rendered()))
    #expect(json["outcomes"]?.elements.count == comparison.outcomes.count)
    #expect(json["outcomes"]?.elements.first?["verdict"]?.text == "regressed")
    #expect(json["outcomes"]?.elements.first?["device"] == .null)
    let figure = json["figures"]?.elements.first
    #expect(figure?["name"]?.text == "mlx5_0/1:bw")
    #expect(figure?["before"]?.text == "92.5" && figure?["after"]?.text == "80")
    #expect(figure?["tolerance"]?.text == "-0.1")
    #expect(json["regressions"]?["outcomes"]?.text == "1" && json["regressions"]?["figures"]?.text == "1")
  }

  @Test func htmlSectionListsTheChanges() {
    var after = HTMLSamples.run
    after.plans[0].tests[1].result.result = .fail
    after.plans[1].tests[1].result.result = .fail
    let page = HTMLReport.document(RunComparison.compare(HTMLSamples.run, after))
    #expect(page.contains("<tr class=\"regressed\"><td><span class=\"flag\">REGRESSION</span></td>"))
    #expect(page.contains("<td class=\"result pass\">pass</td><td class=\"result fail\">fail</td>"))
    #expect(page.contains("escape&quot;&lt;speci&amp;l&gt;_chars\\x01\\x07\t&#39;"))
  }
}
