public import HPCBasics
public import YAML

/// Context dimensions for `adjust` rules, in the order given: `distro=fedora-40` → `("distro", ["fedora-40"])`.
public typealias FMFContext = [(String, [String])]

/// One node of a loaded FMF tree.
public struct FMFNode: Sendable {
  /// `/` for the root, `/plans/gpu` for others.
  public var name: String
  /// fmf's `select`: a leaf (no children) unless the `/` directive says otherwise.
  public var isLeaf: Bool
  /// Absolute paths of every file on the inheritance chain, parents first.
  public var sources: [String]
  /// Inherited, merged and adjusted data: a `.mapping` node whose entries keep their locations.
  public var data: YAMLNode
  /// Keys defined in this node's own files (not inherited), e.g. for tmt's "`id` must not be inherited".
  public var ownKeys: Set<String> {
    get { own.keys }
    set { own = .keys(newValue) }
  }
  /// Where `ownKeys` comes from: a loaded node keeps its own entries (shared, not copied) and builds the set
  /// only when asked (rarely: tmt asks about `id` only).
  private var own: FMFOwnKeys
  /// One entry per evaluated `adjust` rule: true applied, false not, nil undecided; nil when no rule ran.
  public var adjustDecisions: [Bool?]?

  /// Creates a node.
  public init(
    name: String, isLeaf: Bool, sources: [String], data: YAMLNode, ownKeys: Set<String> = [],
    adjustDecisions: [Bool?]? = nil
  ) {
    self.name = name
    self.isLeaf = isLeaf
    self.sources = sources
    self.data = data
    self.own = .keys(ownKeys)
    self.adjustDecisions = adjustDecisions
  }

  /// Creates a loaded node whose own keys are those of `own` (its own entries, before inheritance).
  init(
    name: String, isLeaf: Bool, sources: [String], data: YAMLNode, own: [YAMLPair], adjustDecisions: [Bool?]?
  ) {
    self.name = name
    self.isLeaf = isLeaf
    self.sources = sources
    self.data = data
    self.own = .entries(own)
    self.adjustDecisions = adjustDecisions
  }

  /// The value of top-level key `key`, nil when absent.
  public subscript(key: String) -> YAMLNode? {
    guard case .mapping(let pairs) = data.value else { return nil }
    return pairs.last { $0.key.value == .string(key) }?.value
  }
}

/// A node's own keys: a set given by the caller, or the node's own entries read when asked.
private enum FMFOwnKeys: Sendable {
  case keys(Set<String>)
  case entries([YAMLPair])

  var keys: Set<String> {
    switch self {
    case .keys(let keys): return keys
    case .entries(let pairs):
      return Set(
        pairs.compactMap { pair -> String? in
          if case .string(let key) = pair.key.value { return key }
          return nil
        })
    }
  }
}

/// A loaded FMF tree: every node in fmf's `climb` order (pre-order, children sorted by name per level).
public struct FMFTree: Sendable {
  /// Absolute path of the tree root (the directory holding `.fmf/`).
  public var root: String
  /// `.fmf/version`.
  public var version: Int
  /// Every node, root first, in climb order.
  public var nodes: [FMFNode] {
    didSet { index = Self.index(nodes) }
  }
  /// Node name → position in `nodes` (the first node of a name wins).
  private var index: [String: Int]

  /// Creates a tree from parts (tests build trees this way).
  public init(root: String, version: Int, nodes: [FMFNode]) {
    self.root = root
    self.version = version
    self.nodes = nodes
    self.index = Self.index(nodes)
  }

  private static func index(_ nodes: [FMFNode]) -> [String: Int] {
    var index: [String: Int] = [:]
    index.reserveCapacity(nodes.count)
    for (position, node) in nodes.enumerated() where index[node.name] == nil { index[node.name] = position }
    return index
  }

  /// Leaves in climb order.
  public var leaves: [FMFNode] { nodes.filter(\.isLeaf) }

  /// The node called `name`, if any.
  public func node(named name: String) -> FMFNode? { index[name].map { nodes[$0] } }

  /// `path` relative to the root (`plans/gpu.fmf`), or unchanged when outside it.
  public func relative(_ path: String) -> String {
    // compared as bytes, no prefix string built: it runs once per test
    let bytes = path.utf8
    guard bytes.starts(with: root.utf8) else { return path }
    var rest = bytes.dropFirst(root.utf8.count)
    if root.utf8.last != UInt8(ascii: "/") {
      guard rest.first == UInt8(ascii: "/") else { return path }
      rest = rest.dropFirst()
    }
    return String(Substring(rest))
  }
}
