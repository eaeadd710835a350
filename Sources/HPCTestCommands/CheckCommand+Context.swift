import ArgumentParser
import Checks
import HPCBasics

extension CheckCommand {
  /// The expectations of the flags, as expectation keys.
  func flagExpectations() throws -> [String: String] {
    var values: [String: String] = [:]
    for text in expect {
      guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
        throw ValidationError("--expect takes KEY=VALUE, got '\(text)'")
      }
      values[String(text[..<equals])] = String(text[text.index(after: equals)...])
    }
    let typed: [(String, String?)] = [
      ("pcie-gen", expectGen.map(String.init)), ("pcie-width", expectWidth.map(String.init)),
      ("gpus", expectCount.map(String.init)), ("gpu-model", expectModel),
      ("adapters", expectAdapters.map(String.init)), ("ib-rate", expectRate.map { String($0) }),
      ("numvfs", expectNumVFs.map(String.init)),
      ("required-tools", requireTool.isEmpty ? nil : requireTool.joined(separator: ",")),
    ]
    for case (let key, let value?) in typed { values[key] = value }
    return values
  }

  /// The root: --sysroot, else $HPCTEST_SYSROOT (set by `hpctest run --sysroot` for its tests), else `/`.
  static func root(global: GlobalOptions, environment: [String: String]) -> SystemRoot {
    if !global.sysroot.isLive { return global.sysroot }
    if let path = environment["HPCTEST_SYSROOT"], !path.isEmpty { return SystemRoot(path) }
    return .live
  }

  /// The check context from the options, the environment and the site file; every unknown key or mistyped value
  /// of the three is reported at once (`SiteFileError`), before any check runs.
  func makeContext(global: GlobalOptions, environment: [String: String]) throws -> CheckContext {
    let root = Self.root(global: global, environment: environment)
    let flags = try flagExpectations()
    var problems = Expectations.problems(flags: flags, environment: environment).map(\.description)
    var siteValues: [String: String] = [:]
    do {
      siteValues = try SiteLoader.expectations(
        explicit: SiteLoader.explicitPath(option: site, environment: environment), root: root,
        hostname: ProcessEnvironment.hostname())
    } catch let error as SiteFileError { problems.append(error.description) }
    if !problems.isEmpty { throw SiteFileError(problems.joined(separator: "\n")) }
    return Self.context(
      root: root, flags: flags, environment: environment, site: siteValues, toolTimeout: toolTimeout)
  }

  /// The check context on `root` from expectation layers (also `hpctest health`'s, per plan environment).
  static func context(
    root: SystemRoot, flags: [String: String], environment: [String: String], site: [String: String],
    toolTimeout: Int
  ) -> CheckContext {
    let expectations = Expectations(flags: flags, environment: environment, site: site)
    return CheckContext(
      root: root, runner: runner(root: root, environment: environment), expectations: expectations,
      toolTimeout: .seconds(max(1, toolTimeout)), stateDirectory: environment["TMT_PLAN_DATA"],
      topologyFile: environment["TMT_TOPOLOGY_YAML"])
  }

  /// The tool runner: tools on PATH on the live system; none under a fixture root (they would describe this
  /// machine), except the stand-ins in `$HPCTEST_TOOL_PATH` (a testing aid: scripts replaying recorded output).
  static func runner(root: SystemRoot, environment: [String: String]) -> any ToolRunner {
    if root.isLive { return ProcessToolRunner() }
    if let path = environment["HPCTEST_TOOL_PATH"], !path.isEmpty { return ProcessToolRunner(path: path) }
    return FixtureRootRunner(root: root)
  }
}

/// The summary line of a check.
enum CheckSummary {
  /// `gpu.pcie-link: fail (1 fail, 3 pass)`.
  static func line(_ result: CheckResult) -> String {
    let order: [CheckOutcome] = [.error, .fail, .warn, .pass, .info, .skip]
    let counts = order.compactMap { outcome -> String? in
      let count = result.items.filter { $0.outcome == outcome }.count
      return count == 0 ? nil : "\(count) \(outcome.rawValue)"
    }
    return "\(result.check): \(result.outcome.rawValue) (\(counts.joined(separator: ", ")))"
  }
}
