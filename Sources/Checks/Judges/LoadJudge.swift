/// Judges flows measured alone and under concurrent load.
package enum LoadJudge {
  /// One flow: its solo and loaded figures (same unit).
  package struct Flow: Sendable, Hashable {
    /// `mlx5_0/1:write`, `GPU 0:host_to_device`.
    package var name: String
    /// The figure measured alone.
    package var solo: Double?
    /// The figure measured under load.
    package var loaded: Double?
    /// The unit.
    package var unit: String

    /// Creates a flow.
    package init(_ name: String, solo: Double?, loaded: Double?, unit: String) {
      self.name = name
      self.solo = solo
      self.loaded = loaded
      self.unit = unit
    }
  }

  /// Each flow under load must keep `share` of its solo figure.
  package static func shares(_ flows: [Flow], share: Double) -> ([CheckItem], [CheckFigure]) {
    var items: [CheckItem] = []
    var figures: [CheckFigure] = []
    for flow in flows {
      guard let solo = flow.solo, let loaded = flow.loaded else {
        items.append(
          CheckItem(flow.name, .error, "\(flow.name): no figure (solo \(text(flow.solo)), loaded \(text(flow.loaded)))")
        )
        continue
      }
      figures.append(
        CheckFigure("\(flow.name):loaded", value: loaded, reference: solo, lower: share - 1, unit: flow.unit))
      let floor = solo * share
      let message =
        "\(flow.name): \(loaded.formatted()) \(flow.unit) under load, expected ≥ \(floor.formatted()) \(flow.unit) (\(share.formatted()) × solo \(solo.formatted()))"
      items.append(CheckItem(flow.name, loaded >= floor ? .pass : .fail, message))
    }
    return (items, figures)
  }

  /// Jain's fairness index of `values`: 1 when equal, 1/n when one flow takes everything.
  package static func jain(_ values: [Double]) -> Double {
    let sum = values.reduce(0, +)
    let squares = values.reduce(0) { $0 + $1 * $1 }
    guard squares > 0 else { return 0 }
    return sum * sum / (Double(values.count) * squares)
  }

  /// The flows' loaded figures must be fair (Jain's index ≥ `minimum`).
  package static func fairness(_ flows: [Flow], minimum: Double) -> (CheckItem, CheckFigure) {
    let values = flows.compactMap(\.loaded)
    let index = jain(values)
    let figure = CheckFigure("fairness", value: index, reference: 1, lower: minimum - 1, unit: "Jain index")
    let list = flows.map { "\($0.name) \(text($0.loaded))" }.joined(separator: ", ")
    let message =
      "fairness: Jain index \(index.formatted(3)) over \(values.count) flows (\(list)), expected ≥ \(minimum.formatted())"
    return (CheckItem("fairness", index >= minimum ? .pass : .fail, message), figure)
  }

  static func text(_ value: Double?) -> String { value.map { $0.formatted() } ?? "none" }
}
