import HPCBasics

/// The clean environment a test gets on the local guest, as tmt builds it: test `environment:` < plan environment
/// file (and variables earlier tests appended to it) < plan `environment:` < `-e`, plus the `TMT_*` variables and
/// PATH = `<run>/scripts` then bash's default path. Nothing is inherited from hpctest's own environment.
enum TestEnvironment {
  static let defaultPath = "/usr/local/bin:/usr/local/sbin:/usr/bin:/usr/sbin:/bin:/sbin:."

  static func build(_ test: DiscoveredTest, context: PlanContext, restart: Int) -> [String: String] {
    var environment: [String: String] = [:]
    for (key, value) in test.test.environment { environment[key] = value }
    for (key, value) in fileVariables(context.environmentFile) { environment[key] = value }
    for (key, value) in context.planEnvironment { environment[key] = value }
    for (key, value) in context.options.environment { environment[key] = value }
    for (key, value) in tmtVariables(test, context: context, restart: restart) { environment[key] = value }
    if !context.options.sysroot.isLive { environment["HPCTEST_SYSROOT"] = context.options.sysroot.path }
    if let site = context.options.site { environment["HPCTEST_SITE"] = site }
    environment["PATH"] = context.run.scripts + ":" + (environment["PATH"] ?? defaultPath)
    return environment
  }

  static func tmtVariables(_ test: DiscoveredTest, context: PlanContext, restart: Int) -> [(String, String)] {
    let invocation = context.executeDirectory + "/" + context.invocationPath(test)
    return [
      ("TMT_TEST_NAME", test.test.name), ("TMT_TEST_SERIAL_NUMBER", String(test.serial)),
      ("TMT_TEST_ITERATION_ID", "\(context.runID)-\(test.serial)"), ("TMT_TEST_INVOCATION_PATH", invocation),
      ("TMT_TEST_DATA", invocation + "/data"), ("TMT_TEST_METADATA", invocation + "/metadata.yaml"),
      ("TMT_TEST_SUBMITTED_FILES", invocation + "/submitted-files.log"),
      ("TMT_TEST_RESTART_COUNT", String(restart)), ("TMT_REBOOT_COUNT", "0"), ("REBOOTCOUNT", "0"),
      ("RSTRNT_REBOOTCOUNT", "0"), ("TMT_REBOOT_REQUEST", invocation + "/data/reboot-request"),
      ("TMT_TEST_PIDFILE", invocation + "/tmt-test.pid"), ("TMT_TEST_PIDFILE_LOCK", invocation + "/tmt-test.pid.lock"),
      ("TMT_RESTRAINT_COMPATIBLE", "0"),
      ("TMT_TOPOLOGY_YAML", invocation + "/tmt-test-topology.yaml"),
      ("TMT_TOPOLOGY_BASH", invocation + "/tmt-test-topology.sh"), ("TMT_TREE", test.treeRoot),
      ("TMT_PLAN_DATA", context.planData), ("TMT_PLAN_ENVIRONMENT_FILE", context.environmentFile),
      ("TMT_PLAN_SOURCE_SCRIPT", context.sourceScript), ("TMT_SOURCE_DIR", test.treeRoot),
      ("TMT_VERSION", "1.78.0"),
    ]
  }

  /// `NAME=VALUE` lines of the plan environment file (later lines win; others are ignored).
  static func fileVariables(_ path: String) -> [(String, String)] {
    guard let text = FileSystem.readText(path), !text.isEmpty else { return [] }
    return text.split(separator: "\n").compactMap { line in
      guard let equals = line.firstIndex(of: "="), equals != line.startIndex else { return nil }
      var value = String(line[line.index(after: equals)...])
      if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
        value = String(value.dropFirst().dropLast())
      }
      return (String(line[..<equals]).trimmingWhitespace, value)
    }
  }
}

extension String {
  var trimmingWhitespace: String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
