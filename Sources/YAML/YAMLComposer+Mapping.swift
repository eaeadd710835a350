/// Mapping construction as ruamel's `SafeConstructor.flatten_mapping` + `construct_mapping`:
/// merge keys `<<` first, explicit keys override merged ones; without a merge key, duplicates are errors.
extension YAMLComposer {
  /// The pairs of a finished mapping frame.
  mutating func mapping(_ frame: Frame) -> [YAMLPair] {
    var explicit: [YAMLPair] = []
    explicit.reserveCapacity(frame.children.count / 2)
    var filled: [Bool] = []
    var merged: [YAMLPair] = []
    var sawMerge = false
    var index = 0
    while index + 1 < frame.children.count {
      let key = frame.children[index]
      var value = frame.children[index + 1]
      index += 2
      if value.special != .none { check(&value, order: entryOrder(frame, entry: index / 2 - 1, phase: 2)) }
      if key.special == .merge {
        guard !sawMerge else {
          let message = "found duplicate merge key \"<<\" (while constructing a mapping)"
          _ = fail(message, at: mark(key.node), order: entryOrder(frame, entry: -1, phase: index))
          return []
        }
        sawMerge = true
        guard let pairs = mergeSource(value, order: entryOrder(frame, entry: -1, phase: index)) else { return [] }
        merged += pairs
        continue
      }
      explicit.append(YAMLPair(key: key.node, value: value.node))
      filled.append(value.kind == .scalar || value.viaAlias || frame.deep)
    }
    guard let keys = hashKeys(explicit, merged, frame) else { return [] }
    // ruamel checks duplicates unless something was merged (an empty merge still checks)
    if merged.isEmpty { return unique(explicit, keys: keys, filled: filled, frame) }
    return combine(merged, explicit, keys: keys)
  }

  /// The pairs a `<<` value contributes: a mapping, or a list of mappings (earlier ones win). ruamel
  /// checks the list in order, then merges it reversed.
  private mutating func mergeSource(_ value: BuiltNode, order: [Int]) -> [YAMLPair]? {
    if let pairs = Self.mergePairs(value.node.value) { return pairs }
    guard case .sequence(let items) = value.node.value, value.kind == .sequence else {
      let message = "expected a mapping or list of mappings for merging, but found \(value.kind.rawValue)"
      _ = fail(message, at: mark(value.node), order: order)
      return nil
    }
    var lists: [[YAMLPair]] = []
    for item in items {
      guard let pairs = Self.mergePairs(item.value) else {
        let kind = if case .sequence = item.value { "sequence" } else { "scalar" }
        _ = fail("expected a mapping for merging, but found \(kind)", at: mark(item), order: order)
        return nil
      }
      lists.append(pairs)
    }
    return Array(lists.reversed().joined())
  }

  /// The pairs of a mapping node (a `!!set` is a mapping of its members to null).
  private static func mergePairs(_ value: YAMLValue) -> [YAMLPair]? {
    switch value {
    case .mapping(let pairs): pairs
    case .set(let members): members.map { YAMLPair(key: $0, value: YAMLNode(.null, at: $0.location)) }
    default: nil
    }
  }

  /// Python keys for the explicit then the merged keys, or nil after recording an unhashable-key error.
  private mutating func hashKeys(_ explicit: [YAMLPair], _ merged: [YAMLPair], _ frame: Frame) -> [PythonKey]? {
    var result: [PythonKey] = []
    result.reserveCapacity(explicit.count + merged.count)
    for (index, pair) in [explicit, merged].joined().enumerated() {
      switch pair.key.value {
      case .string(let text): result.append(.string(text))
      case .mapping, .set:
        let order = entryOrder(frame, entry: index, phase: 1)
        _ = fail("found unhashable key (while constructing a mapping)", at: mark(pair.key), order: order)
        return nil
      default:
        if let type = PythonKey.unhashableType(pair.key.value) {
          _ = fail("unhashable type: '\(type)'", at: mark(pair.key), order: entryOrder(frame, entry: index, phase: 1))
          return nil
        }
        result.append(PythonKey(pair.key.value))
      }
    }
    return result
  }

  /// Pairs in order; a key equal (in Python) to an earlier one is a duplicate-key error at the later key.
  /// `filled[i]`: the value is already constructed when ruamel checks entry i (else it prints empty).
  private mutating func unique(_ pairs: [YAMLPair], keys: [PythonKey], filled: [Bool], _ frame: Frame) -> [YAMLPair] {
    if pairs.count <= 8 {
      for later in pairs.indices.dropFirst() {
        if let earlier = (0..<later).first(where: { keys[$0] == keys[later] }) {
          return duplicate(pairs, earlier, later, filled, frame)
        }
      }
      return pairs
    }
    var seen: [PythonKey: Int] = [:]
    seen.reserveCapacity(pairs.count)
    for (offset, key) in keys.enumerated() {
      if let earlier = seen.updateValue(offset, forKey: key) { return duplicate(pairs, earlier, offset, filled, frame) }
    }
    return pairs
  }

  private mutating func duplicate(
    _ pairs: [YAMLPair], _ earlier: Int, _ later: Int, _ filled: [Bool], _ frame: Frame
  ) -> [YAMLPair] {
    let key = PythonFormat.keyStr(pairs[later].key.value)
    let value = Self.strAtCheck(pairs[later].value.value, filled: filled[later])
    let original = Self.strAtCheck(pairs[earlier].value.value, filled: filled[earlier])
    _ = fail(
      "found duplicate key \"\(key)\" with value \"\(value)\" (original value: \"\(original)\")",
      at: mark(pairs[later].key), order: entryOrder(frame, entry: later, phase: 3))
    return Array(pairs[..<later])
  }

  /// `str()` of a value when ruamel checks a duplicate: collections not yet filled print empty.
  private static func strAtCheck(_ value: YAMLValue, filled: Bool) -> String {
    guard !filled else { return PythonFormat.str(value) }
    switch value {
    case .sequence: return "[]"
    case .mapping: return "{}"
    case .set: return "set()"
    default: return PythonFormat.str(value)
    }
  }

  /// ruamel's merge: merged pairs then explicit ones, assigned in order into a Python dict
  /// (first position kept, last value wins).
  private func combine(_ merged: [YAMLPair], _ explicit: [YAMLPair], keys: [PythonKey]) -> [YAMLPair] {
    var position: [PythonKey: Int] = [:]
    var pairs: [YAMLPair] = []
    let ordered = merged + explicit
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
