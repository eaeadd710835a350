import HPCBasics
import Testing

@testable import Reporting

@Suite struct FigureTests {
  /// The file a check writes (format of Checks' `FiguresFile`) reads back with every field.
  @Test func readsAFiguresFile() throws {
    let figures = try ReportFigure.read(Support.fixture("figures/hpctest-figures.yaml"), file: "f.yaml")
    #expect(figures.count == 3)
    #expect(
      figures[0]
        == ReportFigure(
          check: "rdma.write-bw", name: "mlx5_0/1:bw", value: 92.5, reference: 100, lower: -0.1, unit: "Gb/s"))
    #expect(figures.map(\.outcome) == [.pass, .fail, .pass])
    #expect(figures[2].reference == nil && figures[2].floor == nil)
  }

  /// A broken entry is an error at its line and column naming the key.
  @Test(arguments: [
    ("- name: x\n  value: fast\n", "f.yaml:2:10: error: 'value' must be a number, got 'fast'"),
    ("- name: x\n", "f.yaml:1:3: error: a figure needs a numeric 'value'"),
    ("- value: 1\n", "f.yaml:1:3: error: a figure needs a 'name' string"),
    ("- name: x\n  value: 1\n  reference: [1]\n", "f.yaml:3:14: error: 'reference' must be a number, got 'list'"),
    ("name: x\n", "f.yaml:1:1: error: expected a list of figures, got dict"),
    ("- 3\n", "f.yaml:1:3: error: a figure must be a mapping"),
  ])
  func badFiguresAreLocatedErrors(text: String, message: String) {
    #expect(throws: Diagnostic.self) { try ReportFigure.read(text, file: "f.yaml") }
    do { _ = try ReportFigure.read(text, file: "f.yaml") } catch { #expect(error.description == message) }
  }

  @Test(arguments: [
    (ReportFigure(check: "c", name: "n", value: 1, reference: 100, lower: -0.1, unit: "Gb/s"), "≥ 90 Gb/s (-10.0%)"),
    (ReportFigure(check: "c", name: "n", value: 1, reference: 2, upper: 0, unit: "us"), "≤ 2 us (+0.0%)"),
    (
      ReportFigure(check: "c", name: "n", value: 1, reference: 10, lower: -0.05, upper: 0.05, unit: ""),
      "9.5 to 10.5 (-5.0%/+5.0%)"
    ),
    (ReportFigure(check: "c", name: "n", value: 1, unit: "GB/s"), "—"),
  ])
  func bandNamesTheValuesWithinTolerance(figure: ReportFigure, band: String) {
    #expect(FigureText.band(figure) == band)
  }

  @Test(arguments: [(-0.25, "-25.0%"), (0, "+0.0%"), (0.0004, "+0.0%"), (0.1234, "+12.3%"), (-1, "-100.0%")])
  func percentages(fraction: Double, text: String) {
    #expect(FigureText.percent(fraction) == text)
  }

  @Test(arguments: [(92.5, "92.5"), (100, "100"), (0.1 + 0.2, "0.3"), (1.23456, "1.235"), (-0.0001, "0")])
  func numbers(value: Double, text: String) {
    #expect(FigureText.number(value) == text)
  }
}
