/// Sequence and mapping construction, including `!!set`, `!!omap` and `!!pairs`.
extension YAMLComposer {
  /// The node for a finished collection.
  mutating func collection(_ frame: Frame) -> BuiltNode {
    expanded += 1
    let size = frame.children.reduce(1) { $0 + $1.size }
    let at = location(frame.start)
    let tag =
      frame.tag == "!" ? nil : frame.tag.map { $0.hasPrefix(Self.core) ? String($0.dropFirst(Self.core.count)) : $0 }
    var built = BuiltNode(node: YAMLNode(.null, at: at), kind: frame.kind, size: size)
    switch (frame.kind, tag) {
    case (.sequence, nil), (.sequence, "seq"):
      built.node.value = .sequence(valueNodes(frame))
    case (.sequence, "omap"), (.sequence, "pairs"):
      built.node.value = orderedPairs(frame, asMapping: tag == "omap")
    case (.mapping, nil), (.mapping, "map"):
      built.node.value = .mapping(mapping(frame))
    case (.mapping, "set"):
      built.node.value = .set(mapping(frame).map(\.key))
    case (_, "omap"), (_, "pairs"):
      return fail("expected a sequence, but found \(frame.kind.rawValue)", at: frame.start, order: frame.order + [-2])
    case (.sequence, "map"), (.sequence, "set"):
      return fail("expected a mapping node, but found sequence", at: frame.start, order: frame.order + [-2])
    case (.mapping, "seq"):
      return fail("expected a sequence node, but found mapping", at: frame.start, order: frame.order + [-2])
    case (_, "str"), (_, "int"), (_, "float"), (_, "bool"), (_, "null"), (_, "binary"), (_, "timestamp"):
      let message = "expected a scalar node, but found \(frame.kind.rawValue)"
      return fail(message, at: frame.start, order: frame.orderInParent)
    default:
      return fail(Self.noConstructor(frame.tag ?? "").message, at: frame.start, order: frame.orderInParent)
    }
    return built
  }

  /// The children as value nodes (a `<<` or `=` among them is an error).
  mutating func valueNodes(_ frame: Frame) -> [YAMLNode] {
    frame.children.enumerated().map { index, child in
      guard child.special != .none else { return child.node }
      var child = child
      check(&child, order: entryOrder(frame, entry: index, phase: 2))
      return child.node
    }
  }

  /// `!!omap` (a mapping) or `!!pairs` (a list of `[key, value]`) from a list of one-entry mappings.
  private mutating func orderedPairs(_ frame: Frame, asMapping: Bool) -> YAMLValue {
    var pairs: [YAMLPair] = []
    var seen: Set<PythonKey> = []
    let context = asMapping ? "while constructing an ordered map" : "while constructing pairs"
    for (index, child) in frame.children.enumerated() {
      let order = entryOrder(frame, entry: index, phase: 0)
      guard case .mapping(let entries) = child.node.value, child.kind == .mapping else {
        return fail(
          "expected a mapping of length 1, but found \(child.kind.rawValue) (\(context))", at: mark(child.node),
          order: order
        )
        .node.value
      }
      guard entries.count == 1 else {
        return fail(
          "expected a single mapping item, but found \(entries.count) items (\(context))", at: mark(child.node),
          order: order
        )
        .node.value
      }
      if asMapping, !seen.insert(PythonKey(entries[0].key.value)).inserted {
        return fail(
          "duplicate key \"\(PythonFormat.str(entries[0].key.value))\" in an ordered map", at: mark(child.node),
          order: order
        )
        .node.value
      }
      pairs.append(entries[0])
    }
    if asMapping { return .mapping(pairs) }
    return .sequence(pairs.map { YAMLNode(.sequence([$0.key, $0.value]), at: $0.key.location) })
  }

  /// The 0-based mark of a node.
  func mark(_ node: YAMLNode) -> YAMLMark {
    guard let location = node.location else { return YAMLMark(line: 0, column: 0) }
    return YAMLMark(line: location.line - 1, column: location.column - 1)
  }
}
