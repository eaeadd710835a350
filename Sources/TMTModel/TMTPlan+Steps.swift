public import HPCBasics
public import YAML

extension TMTStep {
  /// The plugin tmt uses when a phase has no `how`.
  public var defaultHow: String {
    switch self {
    case .discover: "shell"
    case .provision: "virtual"
    case .prepare: "shell"
    case .execute: "tmt"
    case .report: "display"
    case .finish: "shell"
    case .cleanup: "tmt"
    }
  }
}

extension TMTPlan {
  /// Builds every step's phases from the (expanded) node data.
  mutating func readSteps(_ data: YAMLNode, reader: TMTFieldReader) throws(Diagnostic) {
    for step in TMTStep.allCases {
      steps[step] = try Self.phases(step, raw: data[key: step.rawValue], reader: reader)
    }
  }

  /// tmt's `_normalize_raw_step_phases` + default names and `how`, keys with `_` turned to `-`.
  static func phases(_ step: TMTStep, raw: YAMLNode?, reader: TMTFieldReader) throws(Diagnostic) -> [TMTPhase] {
    let items: [YAMLNode]
    switch raw?.value {
    case nil, .null?: items = [.map([])]
    case .mapping?: items = [raw!]
    case .sequence(let list)?: items = list
    default:
      throw reader.error("Invalid '\(step.rawValue)' config in '\(reader.name)'.", key: step.rawValue, at: raw)
    }
    var known = items.compactMap { $0[key: "name"] }.filter(\.isTruthy).map(PythonText.str)
    var counter = 0
    var result: [TMTPhase] = []
    for (index, item) in items.enumerated() {
      guard let entries = item.entries else {
        throw reader.error(
          "'\(item.pythonType)' object has no attribute 'get'",
          key: "\(step.rawValue)[\(index)]", at: item)
      }
      var data = entries.map { (PythonText.str($0.key).replacing("_", with: "-"), $0.value.withoutLocations) }
      if data.last(where: { $0.0 == "name" }).map({ $0.1.isNull }) ?? true {
        var name: String
        repeat {
          name = "default-\(counter)"
          counter += 1
        } while known.contains(name)
        known.append(name)
        set(&data, "name", .text(name))
      }
      if data.last(where: { $0.0 == "how" }).map({ $0.1.isNull }) ?? true { set(&data, "how", .text(step.defaultHow)) }
      let name = PythonText.str(data.last { $0.0 == "name" }!.1)
      let how = PythonText.str(data.last { $0.0 == "how" }!.1)
      result.append(TMTPhase(name: name, how: how, data: data))
    }
    return result
  }

  /// Replaces `key` in place, or appends it.
  private static func set(_ data: inout [(String, YAMLNode)], _ key: String, _ value: YAMLNode) {
    if let index = data.lastIndex(where: { $0.0 == key }) { data[index].1 = value } else { data.append((key, value)) }
  }
}
