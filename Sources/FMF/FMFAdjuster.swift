import HPCBasics
import Synchronization
import YAML

/// fmf's `Tree.adjust` as tmt calls it: per node (pre-order), the node's own inherited `adjust` rules are
/// evaluated against the context and matching rules merged into its data with the suffix operators.
struct FMFAdjuster {
  /// The context rules are evaluated against.
  let context: FMFRuleContext
  /// Regex cache for merges.
  let regex: PythonRegex
  /// Parsed `when` texts: inherited rules repeat the same text on every node.
  private let parsed: RuleCache

  /// Creates an adjuster; `rules` may be shared with adjusters of other sub-trees (on other threads).
  init(context: FMFRuleContext, regex: PythonRegex, rules: RuleCache = RuleCache()) {
    self.context = context
    self.regex = regex
    parsed = rules
  }
  private static let controlKeys: Set<String> = ["because", "continue", "when"]

  /// Adjusts `node` and then its children, recording the decisions.
  func adjust(_ node: FMFRawNode) throws(Diagnostic) {
    try adjustOne(node)
    for child in node.children { try adjust(child) }
  }

  /// Adjusts `node` alone.
  func adjustOne(_ node: FMFRawNode) throws(Diagnostic) {
    let rules = try Self.rules(of: node)
    guard !rules.isEmpty else { return }
    let merger = FMFMerger(nodeName: node.name, regex: regex)
    var decisions: [Bool?] = []
    defer { node.decisions = decisions.isEmpty ? nil : decisions }
    var aliases = RuleAliases()
    for (ruleIndex, rule) in rules.enumerated() {
      guard case .mapping(let pairs) = rule.value else {
        throw Diagnostic.error("Adjust rule should be a dictionary.", at: rule.location, keyPath: node.name + ":adjust")
      }
      let stop = try continueValue(pairs, node) == false
      let decision = try decide(pairs, node)
      decisions.append(decision)
      guard decision == true else { continue }
      let positions = pairs.indices.filter { index in
        if case .string(let key) = pairs[index].key.value { return !Self.controlKeys.contains(key) }
        return true
      }
      try merger.mergeSpecial(&node.data, positions.map { pairs[$0] }) { position, name, effect in
        aliases.record(rule: ruleIndex, entry: positions[position], key: name, effect: effect)
      }
      aliases.apply(to: &node.data)
      if stop { break }
    }
  }

  /// `data['adjust']` as a rule list (a mapping is one rule; absent is none).
  static func rules(of node: FMFRawNode) throws(Diagnostic) -> [YAMLNode] {
    guard let index = FMFMerger.index(of: "adjust", in: node.data) else { return [] }
    let value = node.data[index].value
    switch value.value {
    case .mapping: return [value]
    case .sequence(let items): return items
    default:
      throw Diagnostic.error(
        "Invalid adjust rule format in '\(node.name)'. Should be a dictionary or a list of dictionaries, "
          + "got '\(PythonValue.typeName(value.value))'.",
        at: value.value == .null ? node.data[index].key.location : value.location, keyPath: node.name + ":adjust")
    }
  }

  private func continueValue(_ pairs: [YAMLPair], _ node: FMFRawNode) throws(Diagnostic) -> Bool {
    guard let value = pairs.first(where: { $0.key.value == .string("continue") })?.value else { return true }
    guard case .bool(let flag) = value.value else {
      throw Diagnostic.error(
        "The 'continue' value should be bool, got '\(PythonValue.str(value.value))'.", at: value.location,
        keyPath: node.name + ":adjust")
    }
    return flag
  }

  private func decide(_ pairs: [YAMLPair], _ node: FMFRawNode) throws(Diagnostic) -> Bool? {
    guard let when = pairs.first(where: { $0.key.value == .string("when") })?.value else { return true }
    do throws(PythonError) {
      switch when.value {
      case .bool(let flag): return try context.matches(FMFRule(literal: flag))
      case .string(let text): return try context.matches(parsed.rule(text))
      default:
        throw PythonError(
          "The 'when' condition must be a string or a bool, got '\(PythonValue.typeName(when.value))' "
            + "(fmf: expected string or bytes-like object).")
      }
    } catch {
      throw Diagnostic.error(error.message, at: when.location, keyPath: node.name + ":adjust")
    }
  }
}

/// Parsed rules by text (parse results, including the error, are per text), shared by the threads that adjust
/// sub-trees side by side: a rule a common parent holds is inherited by every node below it.
final class RuleCache: Sendable {
  private let rules = Mutex<[String: Result<FMFRule, PythonError>]>([:])

  /// The parsed rule for `text` (two threads parsing the same new text at once store the same result).
  func rule(_ text: String) throws(PythonError) -> FMFRule {
    if let known = rules.withLock({ $0[text] }) { return try known.get() }
    let result: Result<FMFRule, PythonError>
    do {
      result = .success(try FMFRule(parsing: text))
    } catch {
      result = .failure(error)
    }
    rules.withLock { $0[text] = result }
    return try result.get()
  }
}
