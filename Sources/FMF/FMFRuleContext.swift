/// fmf's `Context`: the dimensions a `when` rule is evaluated against, with its tri-state logic
/// (true, false, nil for `CannotDecide`).
struct FMFRuleContext {
  /// Dimension name → distinct values (Python set semantics: values splitting to the same parts are one).
  private(set) var dimensions: [String: [FMFContextValue]] = [:]
  /// False as tmt calls adjust: version comparisons ignore case (regex operators never do).
  let caseSensitive: Bool
  /// Regex cache for `~` / `!~`.
  let regex: PythonRegex

  /// Builds the context; a repeated dimension replaces the earlier one (Python `**kwargs` dict).
  init(_ context: FMFContext, caseSensitive: Bool, regex: PythonRegex) {
    self.caseSensitive = caseSensitive
    self.regex = regex
    for (name, values) in context {
      var distinct: [FMFContextValue] = []
      for value in values.map(FMFContextValue.init) where !distinct.contains(where: { $0.samePartsAs(value) }) {
        distinct.append(value)
      }
      dimensions[name] = distinct
    }
  }

  /// fmf's `Context.matches`: true/false, or nil when the rule cannot be decided.
  func matches(_ rule: FMFRule) throws(PythonError) -> Bool? {
    var final: Bool?
    var valid = false
    for group in rule.groups {
      var outcome: Bool?
      var groupValid = false
      for expression in group {
        let result = try evaluate(expression)
        if groupValid {
          if outcome == false || result == false {
            outcome = false
          } else if result == true && outcome == true {
            outcome = true
          } else {
            outcome = nil
          }
        } else {
          groupValid = true
          outcome = result
        }
        if outcome == false { break }
      }
      if outcome == true { return true }
      if valid {
        final = (outcome == nil || final == nil) ? nil : false
      } else {
        final = outcome
        valid = true
      }
    }
    return final == false ? false : nil
  }

  private func evaluate(_ expression: FMFRule.Expression) throws(PythonError) -> Bool? {
    switch expression {
    case .literal(let value): return value
    case .defined(let name, let defined): return (dimensions[name] != nil) == defined
    case .compare(let name, let op, let values):
      guard let present = dimensions[name] else { return nil }
      var decided = false
      for value in present {
        for ruleValue in values {
          guard let result = try compare(value, op, ruleValue) else { continue }
          if result { return true }
          decided = true
        }
      }
      return decided ? false : nil
    }
  }

  private func compare(_ value: FMFContextValue, _ op: String, _ rule: FMFContextValue) throws(PythonError) -> Bool? {
    let minor = op.hasPrefix("~") && op != "~"
    let plain = minor ? String(op.dropFirst()) : op
    switch plain {
    case "~": return try regex.search(rule.raw, in: value.raw)
    case "!~": return try !regex.search(rule.raw, in: value.raw)
    case "==", "=", "!=":
      guard let cmp = value.versionCompare(rule, minorMode: minor, ordered: false, caseSensitive: caseSensitive)
      else { return nil }
      return plain == "!=" ? cmp != 0 : cmp == 0
    default:
      guard let cmp = value.versionCompare(rule, minorMode: minor, ordered: true, caseSensitive: caseSensitive)
      else { return nil }
      switch plain {
      case "<": return cmp < 0
      case "<=": return cmp <= 0
      case ">": return cmp > 0
      default: return cmp >= 0
      }
    }
  }
}
