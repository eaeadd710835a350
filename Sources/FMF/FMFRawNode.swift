import HPCBasics
import YAML

/// A node while the tree grows (fmf's `Tree` object): own data from its files and `/child` keys, then the
/// inherited and adjusted result.
final class FMFRawNode {
  /// `/` for the root, `/a/b` below.
  let name: String
  /// Children in insertion order (fmf walks, inherits and adjusts in this order).
  private(set) var children: [FMFRawNode] = []
  private var childIndex: [String: Int] = [:]
  /// The child names, parallel to `children`.
  private(set) var childNames: [String] = []
  /// Own data: a later source replaces a key in place (`self.data[key] = value`).
  private(set) var own: [YAMLPair] = []
  /// Key → position in `own`, built only once a node has many keys (a short list is searched).
  private var ownIndex: [String: Int]?
  private static let indexedKeyCount = 16
  /// Absolute paths of the node's own files.
  var ownSources: [String] = []
  /// After inheritance: the whole chain's files, parents first.
  var sources: [String] = []
  /// fmf's `_updated`: data (even empty) was given; nodes without it and without children are dropped.
  var updated = false
  /// The `inherit` directive.
  var inherit: Bool?
  /// The `select` directive.
  var select: Bool?
  /// Inherited (then adjusted) data.
  var data: [YAMLPair] = []
  /// Adjust decisions, nil when no rule was evaluated.
  var decisions: [Bool?]?

  /// Creates an empty node.
  init(name: String) { self.name = name }

  /// The child called `name`.
  func child(named name: String) -> FMFRawNode? { childIndex[name].map { children[$0] } }

  /// Adds a new child called `name` (Python `os.path.join(self.name, name)`).
  func addChild(named childName: String) -> FMFRawNode {
    let node = FMFRawNode(name: childPath(childName))
    childIndex[childName] = children.count
    children.append(node)
    childNames.append(childName)
    return node
  }

  /// The full name a child called `childName` has.
  func childPath(_ childName: String) -> String {
    name.hasSuffix("/") ? name + childName : name + "/" + childName
  }

  /// Drops children without children that were never updated (directories without metadata).
  func pruneEmptyChildren() {
    guard children.contains(where: { $0.children.isEmpty && !$0.updated }) else { return }
    let kept = zip(childNames, children).filter { !$0.1.children.isEmpty || $0.1.updated }
    childNames = kept.map(\.0)
    children = kept.map(\.1)
    childIndex = Dictionary(uniqueKeysWithValues: childNames.enumerated().map { ($1, $0) })
  }

  /// `self.data[key] = value` for the node's own data.
  func setOwn(_ key: String, _ pair: YAMLPair) {
    if let index = ownPosition(key) {
      own[index].value = pair.value
      return
    }
    ownIndex?[key] = own.count
    own.append(pair)
    if ownIndex == nil, own.count >= Self.indexedKeyCount {
      var index: [String: Int] = [:]
      for (position, entry) in own.enumerated() {
        if case .string(let name) = entry.key.value { index[name] = position }
      }
      ownIndex = index
    }
  }

  private func ownPosition(_ key: String) -> Int? {
    if let ownIndex { return ownIndex[key] }
    return own.firstIndex { entry in
      if case .string(let name) = entry.key.value { return name == key }
      return false
    }
  }

  /// Children sorted by name in Python code-point order (fmf's `climb`).
  var sortedChildren: [FMFRawNode] {
    zip(childNames, children).sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }.map(\.1)
  }
}
