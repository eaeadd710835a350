public import HardwareProbe
public import TMTModel

/// The answer to "does this machine satisfy a plan's `hardware:` requirement?".
public struct HardwareMatch: Sendable, Hashable {
  /// True when the whole requirement holds.
  public var satisfied: Bool
  /// The constraints that do not hold, as text: `gpu.device-name ~ H200: no GPU matches (found: NVIDIA A30 ×4)`.
  public var unmet: [String]

  /// Creates a match result.
  public init(satisfied: Bool, unmet: [String]) {
    self.satisfied = satisfied
    self.unmet = unmet
  }
}

/// Evaluates TMT hardware requirements (and hpctest's `hpctest.*` extension keys) against a probe inventory.
/// Rules are in README.md beside this file.
public enum HardwareMatcher {
  /// Evaluates `requirement` against `inventory`.
  public static func evaluate(_ requirement: HardwareRequirement, against inventory: Inventory) -> HardwareMatch {
    let facts = HardwareFacts(inventory)
    return evaluate(requirement, facts: facts)
  }

  static func evaluate(_ requirement: HardwareRequirement, facts: HardwareFacts) -> HardwareMatch {
    switch requirement {
    case .constraint(let constraint):
      let reason = check(constraint, facts: facts)
      return HardwareMatch(satisfied: reason == nil, unmet: reason.map { [$0] } ?? [])
    case .and(let children):
      let results = children.map { evaluate($0, facts: facts) }
      return HardwareMatch(satisfied: results.allSatisfy(\.satisfied), unmet: results.flatMap(\.unmet))
    case .or(let children):
      let results = children.map { evaluate($0, facts: facts) }
      if children.isEmpty || results.contains(where: \.satisfied) { return HardwareMatch(satisfied: true, unmet: []) }
      let reasons = results.map { $0.unmet.joined(separator: " and ") }
      return HardwareMatch(
        satisfied: false, unmet: ["none of the alternatives holds: " + reasons.joined(separator: "; or ")])
    }
  }

  /// nil when `constraint` holds, else why not.
  static func check(_ constraint: HardwareConstraint, facts: HardwareFacts) -> String? {
    let head = "\(constraint.name) \(constraint.op.rawValue) \(constraint.raw)"
    if let reason = HardwareFacts.unavailable[constraint.name] { return "\(head): cannot be checked: \(reason)" }
    guard let fact = facts.fact(for: constraint.name) else {
      return "\(head): key not supported by hpctest's probe, cannot be checked on this machine"
    }
    let negative = [.notEqual, .notMatch, .notContains, .notContainsExclusive].contains(constraint.op)
    if fact.values.isEmpty { return negative ? nil : "\(head): no \(fact.noun) found" }
    let results = fact.values.map { HardwareComparison.holds($0.value, constraint.op, constraint.value) }
    let holds = fact.every || negative ? results.allSatisfy { $0 == true } : results.contains { $0 == true }
    if holds { return nil }
    if results.contains(where: { $0 == nil }) && !results.contains(where: { $0 == true }) {
      return "\(head): cannot compare with \(fact.describeFound())"
    }
    return "\(head): \(fact.failureVerb(negative: negative)) (found: \(fact.describeFound()))"
  }
}
