public import FMF
public import HPCBasics

/// Every tmt test and plan of one FMF tree, loaded and normalised, with per-node errors kept apart
/// (a broken node does not hide the others).
public struct TMTCatalog: Sendable {
  /// The loaded FMF tree (adjusted under the catalog's context).
  public var tree: FMFTree
  /// The context the tree was adjusted with.
  public var context: FMFContext
  /// Tests in tmt order (climb order, stable-sorted by `order`).
  public var tests: [TMTTest]
  /// Plans in tmt order.
  public var plans: [TMTPlan]
  /// Per-node problems (normalisation errors), each naming the node and, where known, file:line.
  public var errors: [Diagnostic]
  /// Schema-like warnings (never fatal).
  public var warnings: [Diagnostic]
  /// Storage for `failures` (node name and kind of each entry of `errors`).
  var failureStore = TMTFailureStore()

  /// Creates a catalog from parts.
  public init(
    tree: FMFTree, context: FMFContext, tests: [TMTTest], plans: [TMTPlan], errors: [Diagnostic] = [],
    warnings: [Diagnostic] = []
  ) {
    self.tree = tree
    self.context = context
    self.tests = tests
    self.plans = plans
    self.errors = errors
    self.warnings = warnings
  }
}

/// Holds the catalog's failure records (kept apart so the memberwise initialiser stays as it was).
struct TMTFailureStore: Sendable {
  var items: [TMTCatalogFailure] = []
}
