import YAML

/// Python object sharing between a node's data and its `adjust` rules: a rule's value is assigned by reference
/// (`data[k] = rule[k]`), so a later in-place merge into `data[k]` (dict `+`, dict `-`/`-~`) also changes the rule
/// as stored in `data['adjust']`. This records the sharing and replays those in-place changes into the rules.
struct RuleAliases {
  /// Data key → the rule entry (rule index, entry index) whose value object it holds.
  private var owners: [String: (rule: Int, entry: Int)] = [:]
  /// Rule entries changed in place, with their new values, in order.
  private var pending: [(rule: Int, entry: Int, value: YAMLNode)] = []
  /// Once a rule replaced `adjust` itself, the original rule objects are no longer visible.
  private var detached = false

  /// Notes what one merged rule entry did to data key `key`.
  mutating func record(rule: Int, entry: Int, key: String, effect: FMFMerger.Effect) {
    if key == "adjust" { detached = true }
    switch effect {
    case .aliased: owners[key] = (rule, entry)
    case .fresh: owners[key] = nil
    case .inPlace(let value):
      if let owner = owners[key] { pending.append((owner.rule, owner.entry, value)) }
    }
  }

  /// Writes the pending in-place changes into the rules stored under `adjust` in `data`.
  mutating func apply(to data: inout [YAMLPair]) {
    defer { pending.removeAll() }
    guard !detached, !pending.isEmpty, let index = FMFMerger.index(of: "adjust", in: data) else { return }
    for change in pending {
      switch data[index].value.value {
      case .mapping(var pairs) where change.rule == 0:
        pairs[change.entry].value = change.value
        data[index].value.value = .mapping(pairs)
      case .sequence(var items):
        guard change.rule < items.count, case .mapping(var pairs) = items[change.rule].value else { continue }
        pairs[change.entry].value = change.value
        items[change.rule].value = .mapping(pairs)
        data[index].value.value = .sequence(items)
      default:
        continue
      }
    }
  }
}
