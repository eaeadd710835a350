import HPCBasics
import Reporting
import TMTModel
import Testing

@testable import Workflow

#if canImport(Glibc)
  import Glibc
#endif

/// The same trees run with the reference tmt (`run -a provision -h local`, prepare skipped) and with hpctest:
/// names, serial numbers, outcomes, notes, check names/outcomes/notes and exit codes must agree.
/// Skipped with a note when the reference tmt is not installed (`$HPCTEST_REFERENCE_VENV/bin/tmt`, locally
/// /opt/tmt-ref).
@Suite(.serialized) struct DifferentialTests {
  /// Copies of the reference's run trees (`reference/run/trees/{basic,exitcodes,env}` of the shared material).
  static let trees = Path.dirname(#filePath) + "/TmtTrees"

  static func tmt() -> String? {
    var candidates = ["/opt/tmt-ref/bin/tmt"]
    if let venv = getenv("HPCTEST_REFERENCE_VENV") { candidates.insert(String(cString: venv) + "/bin/tmt", at: 0) }
    return candidates.first { access($0, X_OK) == 0 }
  }

  @Test(arguments: ["basic", "exitcodes", "env"])
  func agreesWithTmt(tree: String) async throws {
    guard let tmt = Self.tmt(), FileSystem.isDirectory(Self.trees + "/" + tree) else {
      print("note: skipping the differential test for '\(tree)': reference tmt or trees not found")
      return
    }
    let harness = Harness()
    let root = Self.trees + "/" + tree
    let tmtRun = harness.workdirRoot + "/tmt"
    let command =
      "cd '\(harness.workdirRoot)' && TMT_FEELING_SAFE=1 '\(tmt)' --root '\(root)' run --scratch --id '\(tmtRun)' "
      + "--skip prepare -a provision -h local >'\(harness.workdirRoot)/tmt.log' 2>&1"
    let status = system(command)
    let tmtCode = (status >> 8) & 0xFF
    let catalog = try TMTCatalog.load(root: root, context: [])
    var options = try RunArguments.parse(["--id", harness.runDirectory, "-a", "provision", "-h", "local"])
    options.workdirRoot = harness.workdirRoot
    let runner = Runner(
      tests: catalog.tests, plans: catalog.plans, root: catalog.tree.root, options: options,
      log: RunLog(verbosity: 0, quiet: true, sink: { _ in }), loader: { _ in [] })
    let code = await runner.run()
    #expect(code == tmtCode, "exit code")
    for plan in catalog.plans {
      let relative = "/" + String(plan.name.dropFirst()) + "/execute/results.yaml"
      let theirs = try ResultsYAML.read(FileSystem.readText(tmtRun + relative) ?? "", file: "tmt" + relative)
      let ours = try ResultsYAML.read(FileSystem.readText(harness.runDirectory + relative) ?? "", file: relative)
      #expect(ours.map(Self.summary) == theirs.map(Self.summary), "\(plan.name)")
    }
  }

  /// The fields compared, with the documented differences normalised away.
  static func summary(_ result: TestResult) -> String {
    let checks = result.check.map { "\($0.name)@\($0.event)=\($0.result.rawValue)\($0.note)" }
    let notes = result.note.map { $0.replacing(#//(tmp|var/tmp)/[^ ']*/execute/data/#, with: "<data>/") }
    return "\(result.serialNumber) \(result.name) \(result.result.rawValue)/\(result.originalResult.rawValue) "
      + "\(notes) \(checks) \(result.subresult.map { "\($0.name)=\($0.result.rawValue)" })"
  }
}
