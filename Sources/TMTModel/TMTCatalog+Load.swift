public import FMF
public import HPCBasics

/// One node that failed to normalise: its name, what it was loaded as, and the error.
public struct TMTCatalogFailure: Sendable {
  /// The node name.
  public var name: String
  /// `test` or `plan` (as in the conformance document's `tmt.errors[].kind`).
  public var kind: String
  /// tmt's message, located.
  public var diagnostic: Diagnostic

  /// Creates a failure record.
  public init(name: String, kind: String, diagnostic: Diagnostic) {
    self.name = name
    self.kind = kind
    self.diagnostic = diagnostic
  }
}

extension TMTCatalog {
  /// Loads the tree at or above `root`, adjusts it under `context` (tmt's way), and normalises every test
  /// (leaves with `test`) and plan (leaves with `execute` or `plan`). A broken node is recorded in `errors`
  /// and does not hide the others; a tree-level failure (YAML, merge, adjust) throws.
  /// `tests`/`plans` false skip building that kind (`tests ls` needs no plans).
  public static func load(
    root: String, context: FMFContext, environment: [(String, String)] = [], tests: Bool = true, plans: Bool = true
  ) throws(Diagnostic) -> TMTCatalog {
    let tree = try FMFLoader.load(path: root, context: context, caseSensitive: false)
    return build(tree: tree, context: context, environment: environment, tests: tests, plans: plans)
  }

  /// Normalises the tests and plans of an already loaded tree.
  public static func build(
    tree: FMFTree, context: FMFContext, environment: [(String, String)] = [], tests: Bool = true, plans: Bool = true
  ) -> TMTCatalog {
    var catalog = TMTCatalog(tree: tree, context: context, tests: [], plans: [])
    let leaves = tree.nodes.filter(\.isLeaf)
    if tests { catalog.buildTests(leaves) }
    if plans { catalog.buildPlans(leaves, environment: environment) }
    return catalog
  }

  /// Each test is normalised on its own (side by side, `Parallel.map`); results and failures are then taken in
  /// the leaves' order, so errors and the `order` sort are as if built one by one. Each test is moved out of its
  /// slot into its sorted place (a test is a big value: no copy of it).
  private mutating func buildTests(_ leaves: [FMFNode]) {
    let candidates = leaves.filter { Self.hasKey($0, "test") }
    let tree = self.tree
    var slots = Parallel.map(candidates) { node -> BuiltTest in
      do throws(Diagnostic) {
        let test = try TMTTest(node: node, tree: tree)
        return BuiltTest(test: test, order: test.order)
      } catch {
        return BuiltTest(failure: error)
      }
    }
    var built: [Int] = []
    built.reserveCapacity(slots.count)
    for index in slots.indices {
      if let failure = slots[index].failure {
        record(candidates[index].name, "test", failure)
      } else {
        built.append(index)
      }
    }
    let order = Self.stableOrder(built.map { slots[$0].order })
    tests = order.map { slots[built[$0]].test.take()! }
  }

  /// One test normalised, or why not.
  private struct BuiltTest: Sendable {
    var test: TMTTest?
    var failure: Diagnostic?
    var order = 0
  }

  private mutating func buildPlans(_ leaves: [FMFNode], environment: [(String, String)]) {
    let tree = self.tree
    let context = self.context
    var catalog = self
    let local = leaves.filter { Self.hasKey($0, "execute") && !Self.hasKey($0, "plan") }
    let importing = leaves.filter { Self.hasKey($0, "plan") }
    for node in importing where Self.hasKey(node, "execute") {
      catalog.warnings.append(
        .warning(
          "Plan '\(node.name)' defines both 'execute' and 'import', ignoring the 'execute' step.",
          keyPath: node.name))
    }
    for node in local + importing {
      do throws(Diagnostic) {
        catalog.plans.append(try TMTPlan(node: node, tree: tree, context: context, environment: environment))
      } catch {
        catalog.record(node.name, "plan", error)
      }
    }
    var plans: [TMTPlan] = []
    swap(&plans, &catalog.plans)
    catalog.plans = Self.stableSorted(consume plans) { $0.order }
    self = catalog
  }

  /// Per-node failures with their kind (`test`/`plan`), parallel to `errors`.
  public var failures: [TMTCatalogFailure] {
    get { failureStore.items }
    set { failureStore.items = newValue }
  }

  private mutating func record(_ name: String, _ kind: String, _ error: Diagnostic) {
    var located = error
    if located.keyPath == nil { located.keyPath = name }
    errors.append(located)
    failures.append(TMTCatalogFailure(name: name, kind: kind, diagnostic: located))
  }

  /// True when the node's data has `key` (even with a null value), like fmf's `prune(keys=...)`.
  static func hasKey(_ node: FMFNode, _ key: String) -> Bool {
    node.data.entries?.contains { $0.key.string == key } ?? false
  }

  /// Python's stable `sort(key=...)`: the permutation is computed on the keys, then applied by swaps (each item
  /// moved, never copied: a test is a big value; callers pass a closure, as a key path copied each test).
  static func stableSorted<T>(_ items: consuming [T], by key: (T) -> Int) -> [T] {
    let order = stableOrder(items.map(key))
    if order.indices.elementsEqual(order) { return items }
    var placed = [Bool](repeating: false, count: order.count)
    items.withUnsafeMutableBufferPointer { buffer in
      for start in order.indices where !placed[start] {
        // cycle of the permutation: position p takes the item at order[p]
        var position = start
        while order[position] != start {
          buffer.swapAt(position, order[position])
          placed[position] = true
          position = order[position]
        }
        placed[position] = true
      }
    }
    return items
  }

  /// The positions of `keys` in stable ascending order (Python's `sorted(range(n), key=keys.__getitem__)`).
  static func stableOrder(_ keys: [Int]) -> [Int] {
    var sortedAlready = true
    for index in keys.indices.dropFirst() where keys[index - 1] > keys[index] { sortedAlready = false }
    if sortedAlready { return Array(keys.indices) }
    return keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
  }
}
