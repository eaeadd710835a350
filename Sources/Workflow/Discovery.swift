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

/// The discover step: which tests a plan runs, in tmt's order (by `order`, then name) with serial numbers.
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
    found = found.filter { matchesCommandLine($0.0) }
    let ordered = found.enumerated().sorted {
      ($0.element.0.order, $0.element.0.name, $0.offset) < ($1.element.0.order, $1.element.0.name, $1.offset)
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
    let filterExpressions = try filters.map { (text) throws(Diagnostic) in
      try FMFFilter(text, key: address + ".filter")
    }
    return pool.filter { test in
      test.isEnabled && (nameMatchers.isEmpty || nameMatchers.contains { $0.matches(test.name) })
        && !excludeMatchers.contains { $0.matches(test.name) }
        && filterExpressions.allSatisfy { $0.matches(test) }
    }
  }

  private func matchesCommandLine(_ test: TMTTest) -> Bool {
    let names = options.testNames.compactMap { try? NamePattern($0, key: "tests --name") }
    let filters = options.testFilters.compactMap { try? FMFFilter($0, key: "tests --filter") }
    return (names.isEmpty || names.contains { $0.matches(test.name) }) && filters.allSatisfy { $0.matches(test) }
  }
}

extension TMTTest {
  /// False when `enabled: false`.
  var isEnabled: Bool { enabled.value != .bool(false) }
}
