public import HPCBasics
import YAML

/// Loads FMF trees as fmf 1.7 does (see README.md): walk, inheritance, merge suffixes, then `adjust`.
public enum FMFLoader {
  /// Finds the root at or above `path`, loads every node, and applies `adjust` rules under `context`
  /// (tmt's way: case-insensitive version comparisons, undecided rules skipped). A nil `context` skips adjust,
  /// as the `fmf` CLI does.
  public static func load(path: String, context: FMFContext?, caseSensitive: Bool = false) throws(Diagnostic)
    -> FMFTree
  {
    try load(path: path, context: context, caseSensitive: caseSensitive, workingDirectory: nil)
  }

  /// As `load(path:context:caseSensitive:)`, resolving relative paths (the start path and string `/child`
  /// values, which fmf grows as directories relative to the process cwd) against `workingDirectory`.
  public static func load(
    path: String, context: FMFContext?, caseSensitive: Bool = false, workingDirectory: String?
  ) throws(Diagnostic) -> FMFTree {
    try load(
      path: path, context: context, caseSensitive: caseSensitive, workingDirectory: workingDirectory, readAhead: true)
  }

  /// As `load(path:context:caseSensitive:workingDirectory:)`; `readAhead` false lists and parses each file only
  /// when the walk reaches it, on one thread (what the read-ahead is checked against).
  static func load(
    path: String, context: FMFContext?, caseSensitive: Bool, workingDirectory: String?, readAhead: Bool
  ) throws(Diagnostic) -> FMFTree {
    let cwd =
      workingDirectory.map { FMFPath.absolute($0, from: FileSystem.currentDirectory()) }
      ?? FileSystem.currentDirectory()
    let root = try FMFRoot.find(path, workingDirectory: cwd)
    let version = try FMFRoot.version(root: root)
    let config = try FMFConfig(root: root)
    let top = FMFRawNode(name: "/")
    let grower = FMFGrower(root: root, workingDirectory: cwd, config: config)
    if readAhead { grower.prefetch(root) }
    try grower.grow(top, root)
    return try resolve(top, root: root, version: version, context: context, caseSensitive: caseSensitive)
  }

  /// Inheritance, then `adjust` under `context` (when given), then the nodes in `climb` order.
  static func resolve(
    _ top: FMFRawNode, root: String, version: Int, context: FMFContext?, caseSensitive: Bool
  ) throws(Diagnostic) -> FMFTree {
    let regex = PythonRegex()
    try inherit(top, parent: nil, regex: regex)
    if let context {
      let rules = FMFRuleContext(context, caseSensitive: caseSensitive, regex: regex)
      try FMFAdjuster(context: rules, regex: regex).adjust(top)
    }
    var nodes: [FMFNode] = []
    climb(top, into: &nodes)
    return FMFTree(root: root, version: version, nodes: nodes)
  }

  /// fmf's `inherit`/`merge`: top-down, the parent's resolved data merged with the node's own keys in order.
  static func inherit(_ node: FMFRawNode, parent: FMFRawNode?, regex: PythonRegex) throws(Diagnostic) {
    var data: [YAMLPair] = []
    if let parent, node.inherit != false {
      node.sources = parent.sources + node.sources
      data = parent.data
    }
    try FMFMerger(nodeName: node.name, regex: regex).mergeSpecial(&data, node.own)
    node.data = data
    for child in node.children { try inherit(child, parent: node, regex: regex) }
  }

  /// Pre-order, children sorted by name at each level.
  static func climb(_ node: FMFRawNode, into nodes: inout [FMFNode]) {
    let ownKeys = Set(
      node.own.compactMap { pair -> String? in
        if case .string(let key) = pair.key.value { return key }
        return nil
      })
    nodes.append(
      FMFNode(
        name: node.name, isLeaf: node.select ?? node.children.isEmpty, sources: node.sources,
        data: YAMLNode(.mapping(node.data)), ownKeys: ownKeys, adjustDecisions: node.decisions))
    for child in node.sortedChildren { climb(child, into: &nodes) }
  }
}
