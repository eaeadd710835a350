import Executors
import HPCBasics
import TMTModel

extension PlanRun {
  /// Lays out locally what remote guests get, as tmt does: each discover phase's tests (their directories plus the
  /// tree's `.fmf`) under `<plan>/discover/<phase>/tests`, and this `hpctest` binary as `<run>/scripts/hpctest`
  /// so that `hpctest check` works on the guest. One local `cp` process for all of it.
  func stageLocally(_ tests: [DiscoveredTest]) async throws(Diagnostic) {
    var lines = ["set -e"]
    for (phase, root) in Self.phaseRoots(tests) {
      let paths = Self.testDirectories(tests.filter { $0.phase == phase })
      let destination = context.stagedTree(phase: phase)
      lines.append("mkdir -p \(ShellQuote.quote(destination))")
      lines.append("cd \(ShellQuote.quote(root))")
      lines.append("cp -a --parents \(ShellQuote.join(paths)) \(ShellQuote.quote(destination))/")
      if paths != ["."] { lines.append("if [ -d .fmf ]; then cp -a .fmf \(ShellQuote.quote(destination))/; fi") }
    }
    if let binary = options.hpctestBinary {
      // Replaces the local symlink HelperScripts made: a guest needs the file itself.
      lines.append(
        "cp -pL --remove-destination \(ShellQuote.quote(binary)) \(ShellQuote.quote(context.run.scripts + "/hpctest"))")
    }
    let output = context.planDirectory + "/provision/stage-output.txt"
    FileSystem.makeDirectories(context.planDirectory + "/provision")
    let invocation = Invocation(
      argv: ["/bin/sh", "-c", lines.joined(separator: "\n")], environment: ["PATH": TestEnvironment.defaultPath],
      workingDirectory: "/", outputPath: output, timeout: .seconds(3600))
    let result = await LocalExecutor().run(invocation)
    guard case .success(let status) = result, status.shellStatus == 0 else {
      throw .error("cannot stage the tests for the guests (see \(output))", keyPath: "\(context.plan.name):provision")
    }
  }

  /// Each discover phase with the tree its tests come from, in phase order.
  static func phaseRoots(_ tests: [DiscoveredTest]) -> [(String, String)] {
    var seen: [(String, String)] = []
    for test in tests where !seen.contains(where: { $0.0 == test.phase }) { seen.append((test.phase, test.treeRoot)) }
    return seen
  }

  /// The tests' directories relative to their tree, without duplicates; `["."]` when one is the tree root.
  static func testDirectories(_ tests: [DiscoveredTest]) -> [String] {
    var paths: [String] = []
    for test in tests {
      let path = String((test.test.path ?? "/").drop { $0 == "/" })
      if path.isEmpty { return ["."] }
      if !paths.contains(path) { paths.append(path) }
    }
    return paths
  }
}
