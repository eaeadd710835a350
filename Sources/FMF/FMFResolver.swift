import HPCBasics
import YAML

/// What follows the walk: fmf's inheritance (top-down), then `adjust` under a context, then the nodes in `climb`
/// order. A node needs only its parent's inherited data (before the parent's own adjust), so below the top levels
/// each sub-tree is resolved on whichever CPU is free (`Parallel.map`, each job with its own regex cache, all
/// sharing one cache of parsed `when` rules) and the sub-trees' nodes are spliced in `climb` order. Should any job
/// fail, the whole tree is resolved again on one thread in fmf's order, so the error reported is the one fmf meets
/// first.
struct FMFResolver {
  /// The context `adjust` rules are evaluated against (nil: no adjust, as the `fmf` CLI).
  let context: FMFContext?
  /// tmt's case-insensitive version comparisons when false.
  let caseSensitive: Bool
  /// Sub-trees to share out (a few per CPU, so a big one does not hold up the end); a smaller tree stays serial.
  var sharedSubtrees = 32
  /// Parsed `when` texts, shared by every sub-tree's adjuster (each keeps its own regex cache).
  private let rules = RuleCache()

  /// The resolved nodes of the tree under `top`, in climb order.
  func resolve(_ top: FMFRawNode) throws(Diagnostic) -> [FMFNode] {
    let (upper, subtrees) = Self.split(top, sharedSubtrees: sharedSubtrees)
    guard subtrees.count >= sharedSubtrees, let spliced = resolveSideBySide(upper, subtrees, top) else {
      try resolveSerially(top)
      var nodes: [FMFNode] = []
      Self.climb(top, into: &nodes, spliced: [:])
      return nodes
    }
    return spliced
  }

  /// fmf's order on one thread: inherit the whole tree, then adjust it.
  func resolveSerially(_ top: FMFRawNode) throws(Diagnostic) {
    let regex = PythonRegex()
    try Self.inherit(top, parent: nil, regex: regex)
    if let adjuster = adjuster(regex) { try adjuster.adjust(top) }
  }

  /// The upper nodes inherited here, each sub-tree resolved on its own, the upper nodes adjusted after (their
  /// children inherited their data before adjust, as in fmf); nil when any part failed.
  private func resolveSideBySide(_ upper: [(FMFRawNode, FMFRawNode?)], _ subtrees: [Subtree], _ top: FMFRawNode)
    -> [FMFNode]?
  {
    let regex = PythonRegex()
    do throws(Diagnostic) {
      for (node, parent) in upper { try Self.inheritOne(node, parent: parent, regex: regex) }
    } catch {
      return nil
    }
    let results = Parallel.map(subtrees) { subtree in resolveSubtree(subtree) }
    var spliced: [ObjectIdentifier: [FMFNode]] = [:]
    for (subtree, result) in zip(subtrees, results) {
      guard case .success(let nodes) = result else { return nil }
      spliced[ObjectIdentifier(subtree.node)] = nodes
    }
    do throws(Diagnostic) {
      if let adjuster = adjuster(regex) { for (node, _) in upper { try adjuster.adjustOne(node) } }
    } catch {
      return nil
    }
    var nodes: [FMFNode] = []
    Self.climb(top, into: &nodes, spliced: spliced)
    return nodes
  }

  /// One sub-tree inherited, adjusted and listed in climb order, with caches of its own.
  private func resolveSubtree(_ subtree: Subtree) -> Result<[FMFNode], Diagnostic> {
    let regex = PythonRegex()
    do throws(Diagnostic) {
      try Self.inherit(subtree.node, parent: subtree.parent, regex: regex)
      if let adjuster = adjuster(regex) { try adjuster.adjust(subtree.node) }
    } catch {
      return .failure(error)
    }
    var nodes: [FMFNode] = []
    Self.climb(subtree.node, into: &nodes, spliced: [:])
    return .success(nodes)
  }

  private func adjuster(_ regex: PythonRegex) -> FMFAdjuster? {
    context.map {
      FMFAdjuster(context: FMFRuleContext($0, caseSensitive: caseSensitive, regex: regex), regex: regex, rules: rules)
    }
  }

  /// A sub-tree's root, handed to one job. Each job writes only the nodes of its own sub-tree and reads their
  /// parent's data, which the upper part finished before the jobs started and no job writes.
  struct Subtree: @unchecked Sendable {
    let node: FMFRawNode
    let parent: FMFRawNode
  }

  /// The upper nodes (breadth-first, parents before children) until at least `sharedSubtrees` nodes are left
  /// below them, and those nodes as sub-tree roots.
  static func split(_ top: FMFRawNode, sharedSubtrees: Int) -> (
    upper: [(FMFRawNode, FMFRawNode?)], subtrees: [Subtree]
  ) {
    var queue: [(node: FMFRawNode, parent: FMFRawNode?)] = [(top, nil)]
    var next = 0
    while next < queue.count, queue.count - next < sharedSubtrees {
      let node = queue[next].node
      queue += node.children.map { ($0, node) }
      next += 1
    }
    // every node past `next` has a parent: only the top has none, and it is always taken
    return (Array(queue[..<next]), queue[next...].map { Subtree(node: $0.node, parent: $0.parent!) })
  }

  /// fmf's `inherit`/`merge` of `node` and everything below it, top-down.
  static func inherit(_ node: FMFRawNode, parent: FMFRawNode?, regex: PythonRegex) throws(Diagnostic) {
    try inheritOne(node, parent: parent, regex: regex)
    for child in node.children { try inherit(child, parent: node, regex: regex) }
  }

  /// `node`'s data: the parent's resolved data merged with the node's own keys in order (again from the same
  /// inputs when run a second time).
  static func inheritOne(_ node: FMFRawNode, parent: FMFRawNode?, regex: PythonRegex) throws(Diagnostic) {
    var data: [YAMLPair] = []
    if let parent, node.inherit != false {
      node.sources = parent.sources + node.ownSources
      data = parent.data
    } else {
      node.sources = node.ownSources
    }
    try FMFMerger(nodeName: node.name, regex: regex).mergeSpecial(&data, node.own)
    node.data = data
  }

  /// Pre-order, children sorted by name at each level; a sub-tree resolved apart is taken from `spliced`.
  static func climb(_ node: FMFRawNode, into nodes: inout [FMFNode], spliced: [ObjectIdentifier: [FMFNode]]) {
    if let done = spliced[ObjectIdentifier(node)] {
      nodes += done
      return
    }
    nodes.append(
      FMFNode(
        name: node.name, isLeaf: node.select ?? node.children.isEmpty, sources: node.sources,
        data: YAMLNode(.mapping(node.data)), own: node.own, adjustDecisions: node.decisions))
    for child in node.sortedChildren { climb(child, into: &nodes, spliced: spliced) }
  }
}
