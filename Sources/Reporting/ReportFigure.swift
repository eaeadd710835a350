public import HPCBasics
public import TMTModel
internal import YAML

/// A ReFrame-style performance figure as a check recorded it in `hpctest-figures.yaml`: a value against a
/// reference with lower/upper tolerances given as fractions of the reference (`-0.1` = 10 % below).
package struct ReportFigure: Sendable, Hashable {
  /// The check that measured it, e.g. `rdma.write-bw`.
  package var check: String
  /// The figure's name, naming its device, e.g. `mlx5_0/1:bw`.
  package var name: String
  /// The measured value.
  package var value: Double
  /// The reference value, when one is known.
  package var reference: Double?
  /// The lower tolerance as a fraction of the reference, when bounded below.
  package var lower: Double?
  /// The upper tolerance as a fraction of the reference, when bounded above.
  package var upper: Double?
  /// The unit, e.g. `Gb/s`.
  package var unit: String

  /// Creates a figure.
  package init(
    check: String, name: String, value: Double, reference: Double? = nil, lower: Double? = nil,
    upper: Double? = nil, unit: String
  ) {
    self.check = check
    self.name = name
    self.value = value
    self.reference = reference
    self.lower = lower
    self.upper = upper
    self.unit = unit
  }

  /// The reference and its tolerances.
  package var band: ToleranceBand { ToleranceBand(reference: reference, lower: lower, upper: upper) }

  /// The smallest value within tolerance: reference × (1 + lower).
  package var floor: Double? { band.floor }

  /// The largest value within tolerance: reference × (1 + upper).
  package var ceiling: Double? { band.ceiling }

  /// True when the value lies within the reference's tolerances (or nothing bounds it).
  package var withinTolerance: Bool { band.contains(value) }

  /// `pass` within tolerance, `fail` outside.
  package var outcome: ResultOutcome { withinTolerance ? .pass : .fail }

  /// Reads the list a check appends to `hpctest-figures.yaml`; an entry without a name or with a value that is not a
  /// number is a diagnostic at the entry's line and column, naming its key (`[2].value`).
  package static func read(_ text: String, file: String) throws(Diagnostic) -> [ReportFigure] {
    guard let node = try YAMLParser.parse(text, file: file), !node.isNull else { return [] }
    guard let items = node.sequenceValue else {
      throw .error("expected a list of figures, got \(node.typeName)", at: node.location ?? SourceLocation(file: file))
    }
    return try items.enumerated().map { (index, item) throws(Diagnostic) in try figure(item, index: index, file: file) }
  }

  private static func figure(_ node: YAMLNode, index: Int, file: String) throws(Diagnostic) -> ReportFigure {
    let at = node.location ?? SourceLocation(file: file)
    guard node.mappingValue != nil else { throw .error("a figure must be a mapping", at: at, keyPath: "[\(index)]") }
    guard let name = node["name"]?.stringValue else {
      throw .error("a figure needs a 'name' string", at: at, keyPath: "[\(index)].name")
    }
    func number(_ key: String) throws(Diagnostic) -> Double? {
      guard let value = node[key], !value.isNull else { return nil }
      guard let number = value.value.doubleValue else {
        throw .error(
          "'\(key)' must be a number, got '\(value.stringValue ?? value.typeName)'", at: value.location ?? at,
          keyPath: "[\(index)].\(key)")
      }
      return number
    }
    guard let value = try number("value") else {
      throw .error("a figure needs a numeric 'value'", at: at, keyPath: "[\(index)].value")
    }
    return ReportFigure(
      check: node["check"]?.stringValue ?? "", name: name, value: value, reference: try number("reference"),
      lower: try number("lower"), upper: try number("upper"), unit: node["unit"]?.stringValue ?? "")
  }
}
