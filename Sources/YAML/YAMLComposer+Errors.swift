import HPCBasics

/// Constructor errors in ruamel's order. ruamel builds collections breadth-first (a mapping's scalars
/// and duplicate checks before its nested collections, which wait for the next round), keys depth-first,
/// and stops at the first error. Each error gets an order key `[depth, serial, entry, phase]` (phases:
/// 0 key, 1 unhashable key, 2 value, 3 duplicate check); the smallest key is reported.
extension YAMLComposer {
  /// Fills in the construction order of a collection that starts now.
  func openFrame(_ frame: Frame) -> Frame {
    var frame = frame
    frame.orderInParent = nextChildOrder()
    if let top = frames.indices.last {
      frame.deep = frames[top].deep || (frames[top].kind == .mapping && frames[top].children.count % 2 == 0)
      frame.depth = frames[top].depth + 1
    }
    frame.order = frame.deep ? frame.orderInParent : [frame.depth, serial]
    return frame
  }

  /// The order key at which the innermost open collection constructs its next child.
  func nextChildOrder() -> [Int] {
    guard let top = frames.indices.last else { return [0] }
    let isMapping = frames[top].kind == .mapping
    let count = frames[top].children.count
    let isKey = isMapping && count % 2 == 0
    return entryOrder(frames[top], entry: isMapping ? count / 2 : count, phase: isKey ? 0 : 2)
  }

  /// The order key of `phase` of entry `entry` of `frame` (document order inside keys).
  func entryOrder(_ frame: Frame, entry: Int, phase: Int) -> [Int] {
    frame.deep ? frame.order + [serial] : frame.order + [entry, phase]
  }

  /// Records a constructor error (kept if ruamel would meet it first); construction goes on with a null.
  mutating func fail(_ message: String, at mark: YAMLMark, order: [Int]) -> BuiltNode {
    let diagnostic = Diagnostic.error(message, at: location(mark))
    record(diagnostic, order: order)
    return BuiltNode(node: YAMLNode(.null, at: diagnostic.location), kind: .scalar, error: diagnostic)
  }

  /// Keeps `diagnostic` when ruamel would raise it before the one kept so far.
  mutating func record(_ diagnostic: Diagnostic, order: [Int]) {
    if pending.map({ order.lexicographicallyPrecedes($0.order) }) ?? true { pending = (order, diagnostic) }
  }

  /// A `<<` or `=` outside a mapping key has no constructor in ruamel.
  mutating func check(_ built: inout BuiltNode, order: [Int]) {
    let tag: String
    switch built.special {
    case .none: return
    case .merge: tag = "tag:yaml.org,2002:merge"
    case .value: tag = "tag:yaml.org,2002:value"
    }
    built = fail("could not determine a constructor for the tag '\(tag)'", at: mark(built.node), order: order)
  }
}
