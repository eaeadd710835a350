public import HPCBasics
public import TMTModel
public import YAML

/// A test chosen by discover, with its execution order position.
package struct DiscoveredTest: Sendable {
  /// The test (name prefixed with `/<phase>` when the plan has several discover phases).
  package var test: TMTTest
  /// 1-based serial number in execution order.
  package var serial: Int
  /// The discover phase that found it.
  package var phase: String
  /// The tree the test comes from (its `path` is relative to this).
  package var treeRoot: String
}

/// The discover step: which tests a plan runs, in tmt's order (stable by `order`; ties keep the tree order, which
/// is sorted by name, or the order of discover's `test:` names) with serial numbers.
package struct Discovery {
  /// Loads another tree (discover's `path:`).
  package typealias TreeLoader = @Sendable (String) throws(Diagnostic) -> [TMTTest]

  /// The tests of the plan's tree.
  package var tests: [TMTTest]
  /// The plan's tree root.
  package var root: String
  /// Command-line selection.
  package var options: RunOptions
  /// Loads the tree under a discover `path:`.
  package var loader: TreeLoader

  /// Creates the step.
  package init(tests: [TMTTest], root: String, options: RunOptions, loader: @escaping TreeLoader) {
    self.tests = tests
    self.root = root
    self.options = options
    self.loader = loader
  }

  /// The plan's tests, or a diagnostic naming the phase and key that cannot be honoured.
  package func discover(_ plan: TMTPlan) throws(Diagnostic) -> [DiscoveredTest] {
    let phases = plan.phases(.discover)
    var found: [(TMTTest, String, String)] = []
    for phase in phases {
      let (tests, treeRoot) = try select(phase, plan: plan)
      for var test in tests {
        if phases.count > 1 { test.name = "/" + phase.name + test.name }
        found.append((test, phase.name, treeRoot))
      }
    }
    var kept: [(TMTTest, String, String)] = []
    for item in found where try matchesCommandLine(item.0) { kept.append(item) }
    found = kept
    // tmt sorts discovered tests by `order` only (stable): tree order, or `test:` list order, breaks ties.
    let ordered = found.enumerated().sorted {
      ($0.element.0.order, $0.offset) < ($1.element.0.order, $1.offset)
    }
    return ordered.enumerated().map { index, item in
      DiscoveredTest(test: item.element.0, serial: index + 1, phase: item.element.1, treeRoot: item.element.2)
    }
  }

  private func select(_ phase: TMTPhase, plan: TMTPlan) throws(Diagnostic) -> ([TMTTest], String) {
    let address = "\(plan.name):discover[\(phase.name)]"
    switch phase.how {
    case "fmf":
      if phase["url"] != nil {
        throw .error("discover 'url' (remote repositories) is not supported yet", keyPath: address + ".url")
      }
      if let link = phase["link"], link.value != .null {
        throw .error("discover 'link' selection is not supported yet", keyPath: address + ".link")
      }
      var pool = tests
      var treeRoot = root
      if let path = phase["path"]?.scalarText {
        treeRoot = Path.join(root, path)
        pool = try loader(treeRoot)
      }
      return (try selectFMF(pool, phase: phase, address: address), treeRoot)
    case "shell":
      return (try ShellDiscovery.tests(phase, address: address), root)
    default:
      throw .error("discover method '\(phase.how)' is not supported (use fmf or shell)", keyPath: address + ".how")
    }
  }

  private func selectFMF(_ pool: [TMTTest], phase: TMTPhase, address: String) throws(Diagnostic) -> [TMTTest] {
    let names = options.discoverTests.isEmpty ? phase["test"]?.scalarList ?? [] : options.discoverTests
    let excludes = (phase["exclude"]?.scalarList ?? []) + options.discoverExcludes
    let filters = (phase["filter"]?.scalarList ?? []) + options.discoverFilters
    let nameMatchers = try names.map { (text) throws(Diagnostic) in try NamePattern(text, key: address + ".test") }
    let excludeMatchers = try excludes.map { (text) throws(Diagnostic) in
      try NamePattern(text, key: address + ".exclude")
    }
    var selected: [TMTTest] = []
    let candidates = pool.filter { $0.isEnabled && $0.manual.value != .bool(true) }
    // tmt: with `test:` names, tests follow the order of the names (duplicates run again), else tree order.
    let groups =
      nameMatchers.isEmpty
      ? [candidates]
      : nameMatchers.map { matcher in
        candidates.filter { matcher.matches($0.name) }
      }
    for test in groups.joined() where !excludeMatchers.contains(where: { $0.matches(test.name) }) {
      if try Self.matches(test, filters: filters, key: address + ".filter") { selected.append(test) }
    }
    return selected
  }

  /// fmf filter expressions (all must hold), evaluated as tmt does on the test's exported metadata.
  static func matches(_ test: TMTTest, filters: [String], key: String) throws(Diagnostic) -> Bool {
    guard !filters.isEmpty else { return true }
    let data = test.exported
    for filter in filters {
      do throws(Diagnostic) {
        guard try TMTFilter.matches(filter, data: data) else { return false }
      } catch {
        throw .error(error.message, keyPath: key)
      }
    }
    return true
  }

  private func matchesCommandLine(_ test: TMTTest) throws(Diagnostic) -> Bool {
    let names = try options.testNames.map { (text) throws(Diagnostic) in try NamePattern(text, key: "tests --name") }
    guard names.isEmpty || names.contains(where: { $0.matches(test.name) }) else { return false }
    return try Self.matches(test, filters: options.testFilters, key: "tests --filter")
  }
}

extension TMTTest {
  /// False when `enabled: false`.
  var isEnabled: Bool { enabled.value != .bool(false) }
}
