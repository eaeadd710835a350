import HPCBasics
import Reporting
import Synchronization
import TMTModel
import TestSupport
import YAML

@testable import Workflow

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the workflow on tests and plans built in code, in a temporary workdir root, capturing the output.
struct Harness: Sendable {
  final class Lines: Sendable {
    let storage = Mutex<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var all: [String] { storage.withLock { $0 } }
    /// Every line with each `HH:MM:SS` duration replaced by the literal `HH:MM:SS`: timing is never asserted.
    var normalised: [String] { all.map(Harness.normalisedTimes) }
  }

  let workdirRoot: String
  let tree: String
  let lines = Lines()

  init() {
    workdirRoot = Scratch.directory("hpctest-wf-")
    tree = workdirRoot + "/tree"
    FileSystem.makeDirectories(tree + "/tests")
  }

  var runDirectory: String { workdirRoot + "/run" }

  func options(_ arguments: [String] = []) throws -> RunOptions {
    var options = try RunArguments.parse(["--id", runDirectory, "--workdir-root", workdirRoot] + arguments)
    options.context = [("arch", ["x86_64"])]
    return options
  }

  /// Runs and returns the exit code.
  func run(_ tests: [TMTTest], plans: [TMTPlan] = [Harness.plan("/plans")], arguments: [String] = []) async throws
    -> Int32
  {
    let runner = Runner(
      tests: tests, plans: plans, root: tree, options: try options(arguments),
      log: RunLog(verbosity: 1, quiet: false, sink: { [lines] in lines.append($0) }),
      loader: { _ in [] })
    return await runner.run()
  }

  /// The results of `plan`.
  func results(_ plan: String = "plans") throws -> [TestResult] {
    let file = "\(runDirectory)/\(plan)/execute/results.yaml"
    return try ResultsYAML.read(FileSystem.readText(file) ?? "", file: file)
  }

  func result(_ name: String, plan: String = "plans") throws -> TestResult? {
    try results(plan).first { $0.name == name }
  }

  /// A plan discovering every test with fmf.
  static func plan(_ name: String, extra: [TMTStep: [TMTPhase]] = [:]) -> TMTPlan {
    var plan = TMTPlan(name: name)
    plan.steps[.discover] = [TMTPhase(name: "default-0", how: "fmf", data: [])]
    for (step, phases) in extra { plan.steps[step] = phases }
    return plan
  }

  /// A test running `script` with optional `duration` and `result`.
  static func test(_ name: String, _ script: String, duration: String? = nil, result: String = "respect")
    -> TMTTest
  {
    var test = TMTTest(name: name, test: script)
    if let duration { test.duration = YAMLNode(.string(duration)) }
    test.result = result
    test.path = "/tests"
    return test
  }

  /// `line` with every `\d\d:\d\d:\d\d` duration replaced by `HH:MM:SS`, so no assertion depends on the load.
  static func normalisedTimes(_ line: String) -> String {
    line.replacing(/\d\d:\d\d:\d\d/, with: "HH:MM:SS")
  }

  /// Text of a file under the run directory.
  func read(_ relative: String) -> String { FileSystem.readText(runDirectory + "/" + relative) ?? "" }
}
