/// Mapping construction as ruamel's `SafeConstructor.flatten_mapping` + `construct_mapping`:
/// merge keys `<<` first, explicit keys override merged ones; without a merge key, duplicates are errors.
extension YAMLComposer {
  /// The pairs of a finished mapping frame.
  mutating func mapping(_ frame: Frame) -> [YAMLPair] {
    var explicit: [(key: BuiltNode, value: BuiltNode)] = []
    var merged: [YAMLPair] = []
    var sawMerge = false
    var index = 0
    while index + 1 < frame.children.count {
      var key = frame.children[index]
      var value = frame.children[index + 1]
      index += 2
      check(&value)
      if key.special == .merge {
        guard !sawMerge else {
          _ = fail("found duplicate merge key \"<<\" (while constructing a mapping)", at: mark(key))
          return []
        }
        sawMerge = true
        guard let pairs = mergeSource(value) else { return [] }
        merged += pairs
        continue
      }
      if key.special == .value { key.special = .none }
      explicit.append((key, value))
    }
    guard let keys = hashKeys(explicit.map(\.key) + merged.map { BuiltNode(node: $0.key, kind: .scalar) }) else {
      return []
    }
    if !sawMerge { return unique(explicit, keys: keys) }
    return combine(merged, explicit, keys: keys)
  }

  /// The pairs a `<<` value contributes: a mapping, or a list of mappings (earlier ones win).
  private mutating func mergeSource(_ value: BuiltNode) -> [YAMLPair]? {
    switch (value.kind, value.node.value) {
    case (.mapping, .mapping(let pairs)):
      return pairs
    case (.sequence, .sequence(let items)):
      var result: [YAMLPair] = []
      for item in items.reversed() {
        guard case .mapping(let pairs) = item.value else {
          let kind = if case .sequence = item.value { "sequence" } else { "scalar" }
          _ = fail("expected a mapping for merging, but found \(kind)", at: mark(BuiltNode(node: item, kind: .scalar)))
          return nil
        }
        result += pairs
      }
      return result
    default:
      _ = fail("expected a mapping or list of mappings for merging, but found \(value.kind.rawValue)", at: mark(value))
      return nil
    }
  }

  /// Python keys for every key node, or nil after recording an unhashable-key error.
  private mutating func hashKeys(_ keys: [BuiltNode]) -> [PythonKey]? {
    var result: [PythonKey] = []
    result.reserveCapacity(keys.count)
    for key in keys {
      switch key.node.value {
      case .mapping, .set:
        _ = fail("found unhashable key (while constructing a mapping)", at: mark(key))
        return nil
      default:
        if let type = PythonKey.unhashableType(key.node.value) {
          _ = fail("unhashable type: '\(type)'", at: mark(key))
          return nil
        }
        result.append(PythonKey(key.node.value))
      }
    }
    return result
  }

  /// Pairs in order; a key equal (in Python) to an earlier one is a duplicate-key error at the later key.
  private mutating func unique(_ entries: [(key: BuiltNode, value: BuiltNode)], keys: [PythonKey]) -> [YAMLPair] {
    var seen: [PythonKey: Int] = [:]
    seen.reserveCapacity(entries.count)
    var pairs: [YAMLPair] = []
    pairs.reserveCapacity(entries.count)
    for (offset, entry) in entries.enumerated() {
      if let original = seen[keys[offset]] {
        let message =
          "found duplicate key \"\(PythonFormat.str(entry.key.node.value))\" with value \"\(PythonFormat.str(entry.value.node.value))\" (original value: \"\(PythonFormat.str(pairs[original].value.value))\")"
        _ = fail(message, at: mark(entry.key))
        return pairs
      }
      seen[keys[offset]] = pairs.count
      pairs.append(YAMLPair(key: entry.key.node, value: entry.value.node))
    }
    return pairs
  }

  /// ruamel's merge: merged pairs then explicit ones, assigned in order into a Python dict
  /// (first position kept, last value wins).
  private func combine(_ merged: [YAMLPair], _ explicit: [(key: BuiltNode, value: BuiltNode)], keys: [PythonKey])
    -> [YAMLPair]
  {
    var position: [PythonKey: Int] = [:]
    var pairs: [YAMLPair] = []
    let ordered = merged + explicit.map { YAMLPair(key: $0.key.node, value: $0.value.node) }
    let orderedKeys = Array(keys[explicit.count...]) + keys[..<explicit.count]
    for (offset, pair) in ordered.enumerated() {
      if let existing = position[orderedKeys[offset]] {
        pairs[existing].value = pair.value
      } else {
        position[orderedKeys[offset]] = pairs.count
        pairs.append(pair)
      }
    }
    return pairs
  }
}
