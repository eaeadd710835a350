import HPCBasics
import Reporting
import TMTModel
import Testing

@testable import Workflow

#if canImport(Glibc)
  import Glibc
#endif

/// A two-guest plan (`TmtTrees/multihost`: roles, `where:` on discover, prepare, execute and finish) run by the
/// reference tmt and by hpctest, both guests `connect`ing to sshd servers on 127.0.0.1 (different names, ports and
/// keys): the same results per guest (names, serial numbers, outcomes, guest name and role), exit code, topology
/// files, and the guests each prepare and finish phase ran on.
@Suite(.serialized) struct MultihostDifferentialTests {
  @Test func agreesWithTmt() async throws {
    guard let tmt = DifferentialTests.tmt() else {
      print("note: skipping the multihost differential test: reference tmt not found")
      return
    }
    let harness = Harness()
    let root = try await Self.tree(in: harness.workdirRoot)
    let tmtRun = harness.workdirRoot + "/tmt"
    let marks = harness.workdirRoot + "/marks"
    #expect(system("mkdir -p '\(marks)'") == 0)
    let command =
      "cd '\(harness.workdirRoot)' && TMT_FEELING_SAFE=1 '\(tmt)' --root '\(root)' run --scratch --id '\(tmtRun)' "
      + "-a >'\(harness.workdirRoot)/tmt.log' 2>&1"
    let tmtCode = (system(command) >> 8) & 0xFF
    let theirMarks = Self.marks(marks)
    #expect(system("rm -rf '\(marks)' && mkdir -p '\(marks)'") == 0)
    let catalog = try TMTCatalog.load(root: root, context: [])
    var options = try RunArguments.parse(["--id", harness.runDirectory, "-a"])
    options.workdirRoot = harness.workdirRoot
    let runner = Runner(
      tests: catalog.tests, plans: catalog.plans, root: catalog.tree.root, options: options,
      log: RunLog(verbosity: 0, quiet: true, sink: { _ in }), loader: { _ in [] })
    let code = await runner.run()
    #expect(code == tmtCode, "exit code; tmt log: \(FileSystem.readText(harness.workdirRoot + "/tmt.log") ?? "")")
    let relative = "/plans/multi/execute"
    let theirs = try ResultsYAML.read(FileSystem.readText(tmtRun + relative + "/results.yaml") ?? "", file: "tmt")
    let ours = try ResultsYAML.read(
      FileSystem.readText(harness.runDirectory + relative + "/results.yaml") ?? "", file: "ours")
    #expect(ours.map(Self.summary) == theirs.map(Self.summary))
    // `where` on prepare and finish: each phase ran on the guests it names (one line per guest it ran on).
    #expect(Self.marks(marks) == theirMarks)
    #expect(
      theirMarks == [
        "finish-all: 2", "finish-client: 1", "prepare-all: 2", "prepare-client-1: 1", "prepare-server: 1",
      ])
    #expect(ours.count == 5)
    for result in theirs {
      let directory = result.dataPath.map { String($0.dropLast("/data".count)) } ?? ""
      for file in ["tmt-test-topology.yaml", "tmt-test-topology.sh", "data/me"] {
        let mine = Self.lines(harness.runDirectory + relative + "/" + directory + "/" + file)
        #expect(mine == Self.lines(tmtRun + relative + "/" + directory + "/" + file), "\(directory)/\(file)")
      }
    }
  }

  /// The file's lines, sorted: tmt lists guests in the order their provisioning finished (they provision in
  /// parallel), so its guest order varies from run to run; hpctest keeps provision order.
  static func lines(_ path: String) -> [String] {
    let lines = (FileSystem.readText(path) ?? "<missing>").split(separator: "\n", omittingEmptySubsequences: false)
    return lines.map { line in
      guard line.hasPrefix("TMT_GUEST_NAMES=") || line.hasPrefix("TMT_ROLE_NAMES="),
        let equals = line.firstIndex(of: "=")
      else { return String(line) }
      let words = line[line.index(after: equals)...].filter { $0 != "\"" }.split(separator: " ").sorted()
      return line[...equals] + "\"" + words.joined(separator: " ") + "\""
    }.sorted()
  }

  /// `FILE: LINES` for each file the prepare and finish phases wrote into `directory`, sorted.
  static func marks(_ directory: String) -> [String] {
    (FileSystem.list(directory) ?? []).sorted().map { name in
      let text = FileSystem.readText(directory + "/" + name) ?? ""
      return "\(name): \(text.split(separator: "\n").count)"
    }
  }

  static func summary(_ result: TestResult) -> String {
    DifferentialTests.summary(result)
      + " @\(result.guest.name)/\(result.guest.role ?? "-")/\(result.guest.primaryAddress ?? "-")"
  }

  /// A copy of the fixture tree with the plan's placeholders filled in for two running sshd servers.
  static func tree(in directory: String) async throws -> String {
    let first = try await SSHGuest.shared.get()
    let second = try await SSHGuest.shared.second()
    let root = directory + "/multihost"
    let fixture = DifferentialTests.trees + "/multihost"
    #expect(system("cp -a '\(fixture)' '\(root)'") == 0)
    var plan = FileSystem.readText(fixture + "/plans/multi.fmf.in") ?? ""
    let values = [
      "@PORT1@": String(first.port), "@KEY1@": first.key, "@PORT2@": String(second.port), "@KEY2@": second.key,
      "@USER@": first.user, "@MARKS@": directory + "/marks",
    ]
    for (key, value) in values { plan = plan.replacing(key, with: value) }
    FileSystem.write(root + "/plans/multi.fmf", plan)
    return root
  }
}
