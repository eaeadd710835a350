public import HPCBasics
import Reporting
import YAML

/// `<run>/run.yaml`: what a run was started with, in tmt's layout (`root`, `plans`, `steps`, `environment`,
/// `context`), plus hpctest's own keys (`sysroot`, `site`). Reopening a run (`--last`, `--id`) takes
/// its plans, context, environment, tree root, sysroot and site from here unless the command line gives them, so
/// `report --last` or `--again` never probes the live host over a fixture run's results.
package struct RunRecord: Sendable, Equatable {
  /// The tree root the run was started in.
  package var root: String?
  /// The selected plans.
  package var plans: [String]
  /// The enabled steps, in tmt's order.
  package var steps: [String]
  /// `-e` variables.
  package var environment: [(String, String)]
  /// `-c` dimensions.
  package var context: [(String, [String])]
  /// `--sysroot` (nil: the live system).
  package var sysroot: String?
  /// `--site` file.
  package var site: String?

  /// `<run>/run.yaml`.
  package static func file(in run: String) -> String { Path.join(run, "run.yaml") }

  /// The record of a run about to start with `options` and `plans`.
  package init(options: RunOptions, root: String, plans: [String]) {
    self.root = root
    self.plans = plans
    steps = RunStep.allCases.filter(options.runs).map(\.rawValue)
    environment = options.environment
    context = options.context
    sysroot = options.sysroot == .live ? nil : options.sysroot.path
    site = options.site
  }

  package static func == (a: RunRecord, b: RunRecord) -> Bool {
    a.render() == b.render()
  }

  /// The file's text.
  package func render() -> String {
    let tree = YAMLTree.mapping([
      YAMLEntry(
        "__class__", .mapping([YAMLEntry("module", .string("tmt.base.run")), YAMLEntry("name", .string("RunData"))])),
      YAMLEntry("context", .mapping(context.map { YAMLEntry($0.0, .strings($0.1)) })),
      YAMLEntry("environment", .mapping(environment.map { YAMLEntry($0.0, .string($0.1)) })),
      YAMLEntry("plans", .strings(plans)),
      // `--rm` runs are gone when they end, so a reopened run never has `remove` set.
      YAMLEntry("remove", .null),
      YAMLEntry("root", .optional(root)),
      YAMLEntry("steps", .strings(steps)),
      YAMLEntry("hpctest-sysroot", .optional(sysroot)),
      YAMLEntry("hpctest-site", .optional(site)),
    ])
    return YAMLEmitter.emit(tree)
  }

  /// Writes `<run>/run.yaml`.
  @discardableResult
  package func write(in run: String) -> Bool { FileSystem.writeAtomically(Self.file(in: run), render()) }

  /// The record of the run at `run`; nil when it has none, a located error when it cannot be read.
  package static func read(in run: String) throws(Diagnostic) -> RunRecord? {
    let file = file(in: run)
    guard let text = FileSystem.readText(file) else { return nil }
    let node: YAMLNode?
    do { node = try YAMLParser.parse(text, file: file) } catch { throw .error("\(file): \(error)") }
    guard let node, case .mapping = node.value else { throw .error("\(file): error: expected a mapping") }
    return RunRecord(YAMLTree(node))
  }

  private init(_ tree: YAMLTree) {
    root = tree["root"]?.text
    plans = tree["plans"]?.items.compactMap(\.text) ?? []
    steps = tree["steps"]?.items.compactMap(\.text) ?? []
    environment = tree["environment"]?.entries.map { ($0.key, $0.value.text ?? "") } ?? []
    context =
      tree["context"]?.entries.map { entry in
        (entry.key, entry.value.text.map { [$0] } ?? entry.value.items.compactMap(\.text))
      } ?? []
    sysroot = tree["hpctest-sysroot"]?.text
    site = tree["hpctest-site"]?.text
  }

  /// `options` completed from this record where the command line left them unset (tmt: a `--context` on the
  /// command line wins, else the stored one; stored environment under the command line's).
  package func restore(into options: inout RunOptions) {
    if options.context.isEmpty { options.context = context }
    let given = Set(options.environment.map(\.0))
    options.environment = environment.filter { !given.contains($0.0) } + options.environment
    if !options.sysrootGiven, let sysroot { options.sysroot = SystemRoot(sysroot) }
    if options.site == nil { options.site = site }
    if options.planNames.isEmpty { options.planNames = plans }
  }
}
