import YAML

/// tmt 1.78's P007 (`Plan.lint_phases_have_guests`): every `where` names a provisioned guest or role.
extension TMTLint {
  /// The plan's raw phases of `step` (a mapping is one phase), each with tmt's name (`default-N` when unnamed).
  static func rawPhases(_ plan: TMTPlan, _ step: TMTStep) -> [(name: String, data: YAMLNode)] {
    guard let raw = plan.node?[step.rawValue], raw.isTruthy else { return [] }
    let items = raw.items ?? [raw]
    let normalised = plan.phases(step)
    return items.enumerated().map { index, item in
      let given = item[key: "name"].flatMap { $0.isTruthy ? PythonText.str($0) : nil }
      return (given ?? (index < normalised.count ? normalised[index].name : "default-\(index)"), item)
    }
  }

  /// P007 results for the prepare, execute and finish phases.
  static func phasesHaveGuests(_ plan: TMTPlan) -> [TMTLintResult] {
    let provision = rawPhases(plan, .provision)
    let names = provision.map(\.name)
    let roles = provision.compactMap { phase in
      phase.data[key: "role"].flatMap { $0.isTruthy ? PythonText.str($0) : nil }
    }
    let found = foundText(names: names, roles: roles)
    var results: [TMTLintResult] = []
    for step in [TMTStep.prepare, .execute, .finish] {
      for phase in rawPhases(plan, step) {
        let label = "\(step.rawValue) phase '\(phase.name)'"
        let wheres = whereList(phase.data[key: "where"])
        if wheres.isEmpty {
          results.append(
            TMTLintResult(outcome: .pass, code: "P007", message: "\(label) does not require specific guest"))
        }
        for target in wheres {
          let message =
            names.contains(target)
            ? (TMTLintResult.Outcome.pass, "\(label) shall run on guest '\(target)'")
            : roles.contains(target)
              ? (.pass, "\(label) shall run on role '\(target)'")
              : (.fail, "\(label) needs guest or role '\(target)', \(found)")
          results.append(TMTLintResult(outcome: message.0, code: "P007", message: message.1))
        }
      }
    }
    return results
  }

  /// "guests 'a', 'b' and roles 'r' were found", as tmt words the three cases.
  private static func foundText(names: [String], roles: [String]) -> String {
    func quoted(_ values: [String]) -> String { Set(values).sorted().map { "'\($0)'" }.joined(separator: ", ") }
    if !names.isEmpty && !roles.isEmpty { return "guests \(quoted(names)) and roles \(quoted(roles)) were found" }
    if !names.isEmpty { return "guests \(quoted(names)) and no roles were found" }
    return "roles \(quoted(roles)) and no guests were found"
  }

  /// `tmt.utils.normalize_string_list`: a string is a one-item list, null is empty.
  private static func whereList(_ value: YAMLNode?) -> [String] {
    guard let value, !value.isNull else { return [] }
    if let items = value.items { return items.map { PythonText.str($0) } }
    return [PythonText.str(value)]
  }
}
