public import HPCBasics

/// How figures read in reports: numbers rounded to three decimals, signed percentages, and the band a figure's
/// tolerances allow (`≥ 90 Gb/s (-10%)`).
package enum FigureText {
  /// `value` rounded to three decimals, without trailing zeros (`92.1`, `100`, `0.125`).
  package static func number(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
    let rounded = (value * 1000).rounded() / 1000
    return JSON.numberText(rounded == 0 ? 0 : rounded)
  }

  /// A fraction as a signed percentage with one decimal: `-0.25` → `-25.0%`, `0` → `+0.0%`.
  package static func percent(_ fraction: Double) -> String {
    let tenths = (fraction * 1000).rounded()
    let sign = tenths < 0 ? "-" : "+"
    let magnitude = Int(abs(tenths))
    return "\(sign)\(magnitude / 10).\(magnitude % 10)%"
  }

  /// The values within tolerance: `≥ 90 Gb/s (-10.0%)`, `≤ 5 us (+0.0%)`, `90 to 110 Gb/s (-10.0%/+10.0%)`, or
  /// `—` when nothing bounds the figure.
  package static func band(_ figure: ReportFigure) -> String {
    let unit = figure.unit.isEmpty ? "" : " " + figure.unit
    switch (figure.floor, figure.ceiling, figure.lower, figure.upper) {
    case (let floor?, let ceiling?, let lower?, let upper?):
      return "\(number(floor)) to \(number(ceiling))\(unit) (\(percent(lower))/\(percent(upper)))"
    case (let floor?, nil, let lower?, _): return "≥ \(number(floor))\(unit) (\(percent(lower)))"
    case (nil, let ceiling?, _, let upper?): return "≤ \(number(ceiling))\(unit) (\(percent(upper)))"
    default: return "—"
    }
  }
}
