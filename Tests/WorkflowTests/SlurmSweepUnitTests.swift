import Executors
import HPCBasics
import Reporting
import TMTModel
import TestSupport
import Testing

@testable import Workflow

#if canImport(Glibc)
  import Glibc
#endif

/// The sweep's framing and merging without a cluster: what nodes print is read back, whatever the order, labels
/// or losses; the node script itself runs here with a stand-in hpctest binary.
@Suite struct SlurmSweepUnitTests {
  static func results(_ outcomes: [ResultOutcome]) -> String {
    ResultsYAML.render(
      outcomes.enumerated().map { index, outcome in
        var result = TestResult.pending(name: "/t\(index)", serialNumber: index + 1)
        result.result = outcome
        result.originalResult = outcome
        return result
      })
  }

  static func frames(_ node: String, _ seq: Int, _ plan: String, _ text: String, label: Int? = nil) -> [String] {
    let prefix = label.map { "\($0): " } ?? ""
    return text.split(separator: "\n").map { "\(prefix)@hpctest\t\(node)\t\(seq)\t\(plan)\t\($0)" }
      + ["\(prefix)@hpctest\t\(node)\t\(seq)\tend"]
  }

  /// Interleaving nodes line by line, with or without srun's `--label`, gives each node its own results.
  @Test(arguments: [false, true])
  func interleavedNodesAreSeparated(labelled: Bool) throws {
    let a = Self.frames("n1", 1, "/p", Self.results([.pass, .fail]), label: labelled ? 0 : nil)
    let b = Self.frames("n2", 1, "/p", Self.results([.skip]), label: labelled ? 1 : nil)
    var lines: [String] = ["@hpctest\t-\tjob\t42\tn[1-2]"]
    for index in 0..<max(a.count, b.count) {
      if index < a.count { lines.append(a[index]) }
      if index < b.count { lines.append(b[index]) }
    }
    lines += ["@hpctest\tn1\tdone\t1", "@hpctest\tn2\tdone\t4"]
    let frames = SlurmFrames.parse(lines.joined(separator: "\n"))
    #expect(frames.jobID == "42" && frames.nodeList == "n[1-2]")
    let merge = SlurmMerge(frames: frames, plans: ["/p"], nodes: ["n1", "n2"])
    #expect(merge.entries.map { $0.results.map(\.result) } == [[.pass, .fail], [.skip]])
    #expect(merge.entries.allSatisfy { entry in entry.results.allSatisfy { $0.guest.name == entry.node } })
    #expect(merge.exitCode == 1)
    #expect(merge.failingNodes() == ["n1: fail /t1"])
    // The files written are the nodes' own texts with the guest lines rewritten: what rendering would give.
    #expect(merge.entries.allSatisfy { $0.text != nil && $0.text == ResultsYAML.render($0.results) })
  }

  /// Reading the nodes on every core gives the merge that reading them one by one gives, for any number of nodes
  /// and plans (lost nodes, nodes seen only in the output and reasons included).
  @Test(arguments: [1, 2, 7, 40])
  func mergingOnEveryCoreEqualsMergingInOrder(nodes: Int) {
    let outcomes: [ResultOutcome] = [.pass, .fail, .skip, .error, .pending, .warn]
    var lines: [String] = []
    for node in 1...nodes where node % 5 != 3 {
      for plan in ["/a", "/b"] {
        lines += Self.frames("n\(node)", 1, plan, Self.results((0..<node % 4 + 1).map { outcomes[($0 + node) % 6] }))
      }
      lines.append("@hpctest\tn\(node)\treason\t/a\tdata/t1/failures.yaml\twhy \(node)")
      if node % 4 != 1 { lines.append("@hpctest\tn\(node)\tdone\t1") }
    }
    let frames = SlurmFrames.parse(lines.joined(separator: "\n"))
    let allocation = (1...nodes).filter { $0 % 2 == 1 }.map { "n\($0)" }
    let inOrder = SlurmMerge(frames: frames, plans: ["/a", "/b"], nodes: allocation)
    let merged = SlurmMerge.merging(frames: frames, plans: ["/a", "/b"], nodes: allocation)
    let key = { (merge: SlurmMerge) in merge.entries.map { [$0.plan, $0.node, $0.text ?? "-", "\($0.reasons)"] } }
    #expect(key(merged) == key(inOrder))
    #expect(merged.entries.map(\.results) == inOrder.entries.map(\.results))
    #expect(merged.entries.count == 2 * Set(allocation + frames.order).count)
    #expect(merged.counts == inOrder.counts && merged.exitCode == inOrder.exitCode)
    #expect(merged.table() == inOrder.table() && merged.junit() == inOrder.junit())
  }

  /// A failing test's JUnit `<failure>` text is the first line of its failures.yaml that the node sent (its logs
  /// stay on the node); a test with a log gets an empty `<system-out/>`.
  @Test func junitTakesTheReasonFrames() {
    var result = TestResult.pending(name: "/t", serialNumber: 1)
    (result.result, result.originalResult, result.log) = (.fail, .fail, ["data/t/output.txt", "data/t/failures.yaml"])
    var lines = Self.frames("n1", 1, "/p", ResultsYAML.render([result]))
    lines += [
      "@hpctest\tn1\treason\t/p\tdata/t/failures.yaml\tGPU 0: 3 ECC errors, expected 0", "@hpctest\tn1\tdone\t1",
    ]
    let merge = SlurmMerge(frames: SlurmFrames.parse(lines.joined(separator: "\n")), plans: ["/p"], nodes: ["n1"])
    let junit = merge.junit()
    #expect(junit.contains("<failure type=\"failure\" message=\"fail\">GPU 0: 3 ECC errors, expected 0</failure>"))
    #expect(junit.contains("<system-out/>"))
    #expect(merge.failingNodes() == ["n1: fail /t: GPU 0: 3 ECC errors, expected 0"])
  }

  /// A snapshot cut off before its `end` never replaces the last complete one; a node without `done` turns its
  /// pending tests into errors naming it; a node that sent nothing gets one error per plan.
  @Test func lostNodesBecomeErrorsNamingThem() {
    var lines = Self.frames("n1", 1, "/p", Self.results([.pass, .pending, .pending]))
    lines += Array(Self.frames("n1", 2, "/p", Self.results([.pass, .pass, .pending])).prefix(3))
    lines.append("srun: error: Node failure on n1")
    let merge = SlurmMerge(
      frames: SlurmFrames.parse(lines.joined(separator: "\n")), plans: ["/p"], nodes: ["n1", "n2"])
    #expect(merge.entries[0].results.map(\.result) == [.pass, .error, .error])
    #expect(
      merge.entries[0].results[1].note == ["node n1 stopped before the test finished (srun: error: Node failure on n1)"]
    )
    #expect(merge.entries[1].results.map(\.result) == [.error])
    #expect(merge.entries[1].results[0].note == ["node n2 sent no results"])
    #expect(merge.entries.allSatisfy { $0.text == nil })
    #expect(merge.exitCode == 2)
    #expect(
      merge.table() == ["node  /t0   /t1   /t2   /p  ", "n1    pass  errr  errr  -   ", "n2    -     -     -     errr"])
  }

  /// A node's file as the driver joins it (node script, stand-in hpctest `binary`, tarball of an empty tree) in a
  /// new directory; returns the directory and the file, named as `srun --bcast` names a node's copy.
  static func nodeFile(binary: String) async -> (stage: String, file: String) {
    let stage = Scratch.directory("hpctest-node-")
    FileSystem.write(stage + "/hpctest", binary, mode: 0o755)
    FileSystem.makeDirectories(stage + "/tree")
    FileSystem.write(stage + "/node.sh", SlurmSweepScript.node(binaryBytes: binary.utf8.count))
    let file = stage + "/slurm_bcast_1.0_n7"
    let join = Invocation(
      argv: ["/bin/sh", "-c", "tar -czf tree.tar.gz -C tree . && cat node.sh hpctest tree.tar.gz > \(file)"],
      environment: ["PATH": "/usr/bin:/bin"], workingDirectory: stage, outputPath: stage + "/join.txt")
    _ = await LocalExecutor().run(join)
    return (stage, file)
  }

  /// Runs the node `file` as node `n7` with work directory `work`, and parses the frames it printed.
  static func runNode(_ file: String, stage: String, work: String) async -> SlurmFrames {
    let node = Invocation(
      argv: ["/bin/bash", file, work, "0.1", "/plans/x"],
      environment: ["PATH": "/usr/bin:/bin", "SLURMD_NODENAME": "n7"], workingDirectory: stage,
      outputPath: stage + "/out.txt", timeout: .seconds(30))
    _ = await LocalExecutor().run(node)
    return SlurmFrames.parse(FileSystem.readText(stage + "/out.txt") ?? "")
  }

  /// The node script, run here as node `n7` with a stand-in hpctest that writes a results.yaml, takes the binary
  /// and the tree out of its own file, streams the results back in frames that `SlurmFrames` reads to the same
  /// results, and removes its file; the default work directory (`%s/%n`) goes too, a given one stays.
  @Test(arguments: [false, true])
  func nodeScriptStreamsItsResultsBack(defaultDirectory: Bool) async throws {
    let expected = Self.results([.pass, .fail, .skip])
    // The stand-in takes `--root TREE run --id RUN ...` and writes RUN/plans/x/execute/results.yaml.
    let fake =
      "#!/bin/sh\nmkdir -p \"$5/plans/x/execute\" && cat > \"$5/plans/x/execute/results.yaml\" <<'EOF'\n"
      + expected + "EOF\nexit 1\n"
    let (stage, file) = await Self.nodeFile(binary: fake)
    defer { FileSystem.removeTree(stage) }
    let work = defaultDirectory ? "%s/%n" : stage + "/work/%n"
    let node = Invocation(
      argv: ["/bin/bash", file, work, "0.1", "/plans/x"],
      environment: ["PATH": "/usr/bin:/bin", "SLURMD_NODENAME": "n7"], workingDirectory: stage,
      outputPath: stage + "/out.txt", timeout: .seconds(30))
    _ = await LocalExecutor().run(node)
    let output = FileSystem.readText(stage + "/out.txt") ?? ""
    let frames = SlurmFrames.parse(output)
    #expect(frames.nodes["n7"]?.exitCode == 1, "\(output)")
    #expect(frames.nodes["n7"]?.plans.map(\.plan) == ["/plans/x"])
    #expect(frames.nodes["n7"]?.plans.first?.text == expected)
    #expect(!FileSystem.exists(file))
    #expect(FileSystem.exists(stage + "/work/n7/run/plans/x/execute/results.yaml") == !defaultDirectory)
    #expect(!FileSystem.exists(stage + "/hpctest-0"))
  }

  /// A file cut short (the binary or the tarball incomplete) is a `fail` frame naming the node's directory, and
  /// the file is removed all the same.
  @Test(arguments: [true, false])
  func aTruncatedNodeFileFailsThatNode(inTheBinary: Bool) async throws {
    let binary = "#!/bin/sh\n" + String(repeating: "# padding\n", count: 300)
    let (stage, file) = await Self.nodeFile(binary: binary)
    defer { FileSystem.removeTree(stage) }
    let header = SlurmSweepScript.node(binaryBytes: binary.utf8.count).utf8.count
    #expect(truncate(file, off_t(header + (inTheBinary ? 100 : binary.utf8.count + 10))) == 0)
    let frames = await Self.runNode(file, stage: stage, work: stage + "/work/%n")
    let failure = try #require(frames.nodes["n7"]?.failure)
    #expect(failure.contains(stage + "/work/n7/"))
    #expect(frames.nodes["n7"]?.exitCode == nil)
    #expect(!FileSystem.exists(file))
  }

  /// A link planted where the default stage goes (`<stage root>/hpctest-<job>`, a guessable name in a world-writable
  /// directory) is not followed: the node fails naming it, and nothing is written or removed through it.
  @Test func aPlantedStageLinkIsNotFollowed() async throws {
    let (stage, file) = await Self.nodeFile(binary: "#!/bin/sh\nexit 0\n")
    defer { FileSystem.removeTree(stage) }
    let target = stage + "/elsewhere"
    FileSystem.makeDirectories(target + "/n7/run")
    FileSystem.write(target + "/n7/run/keep", "kept\n")
    #expect(symlink(target, stage + "/hpctest-0") == 0)
    let frames = await Self.runNode(file, stage: stage, work: "%s/%n")
    let failure = try #require(frames.nodes["n7"]?.failure)
    #expect(failure.contains(stage + "/hpctest-0 exists and is not a directory of"))
    #expect(FileSystem.readText(target + "/n7/run/keep") == "kept\n")
    #expect(!FileSystem.exists(target + "/n7/bin") && !FileSystem.exists(target + "/n7/tree"))
    #expect(FileSystem.kind(stage + "/hpctest-0", follow: false) == .symlink)
  }

  /// The node script sees its hpctest end at once: with 30 s between two looks at the results, a 1 s run still
  /// ends the script in seconds, with every result and the exit code.
  @Test func nodeScriptDoesNotWaitOutItsPollInterval() async throws {
    let expected = Self.results([.pass, .pass])
    let fake =
      "#!/bin/sh\nsleep 1\nmkdir -p \"$5/plans/x/execute\" && cat > \"$5/plans/x/execute/results.yaml\" <<'EOF'\n"
      + expected + "EOF\n"
    let (stage, file) = await Self.nodeFile(binary: fake)
    defer { FileSystem.removeTree(stage) }
    let node = Invocation(
      argv: ["/bin/bash", file, "%s/%n", "120", "/plans/x"],
      environment: ["PATH": "/usr/bin:/bin", "SLURMD_NODENAME": "n8"], workingDirectory: stage,
      outputPath: stage + "/out.txt", timeout: .seconds(180))
    let clock = ContinuousClock()
    let start = clock.now
    _ = await LocalExecutor().run(node)
    let elapsed = clock.now - start
    // A 1 s run: well under the 120 s poll interval even on a loaded CI machine.
    #expect(elapsed < .seconds(90), "the node script took \(elapsed) with a 120 s poll interval")
    let frames = SlurmFrames.parse(FileSystem.readText(stage + "/out.txt") ?? "")
    #expect(frames.nodes["n8"]?.exitCode == 0)
    #expect(frames.nodes["n8"]?.plans.first?.text == expected)
  }

  /// Every allocation key reaches salloc as `--KEY=VALUE`, in the documented order.
  @Test func allocationOptions() {
    var allocation = SlurmAllocation()
    let accepted = SlurmAllocation.keys.map { allocation.set($0, $0 + "-v") }
    #expect(accepted.allSatisfy { $0 })
    let bogus = allocation.set("bogus", "x")
    #expect(!bogus)
    #expect(
      allocation.sallocOptions == ["--job-name=hpctest", "--no-kill"] + SlurmAllocation.keys.map { "--\($0)=\($0)-v" })
  }

  /// `provision -h slurm` takes the allocation options; without `-h slurm` they are errors naming the option.
  @Test func commandLine() throws {
    let options = try RunArguments.parse([
      "-a", "provision", "-h", "slurm", "--nodes", "8", "--partition=gpu", "--node-dir", "/l/%n",
    ])
    #expect(options.provisionHow == "slurm")
    #expect(options.slurm.allocation.nodes == "8" && options.slurm.allocation.partition == "gpu")
    #expect(options.slurm.nodeDirectory == "/l/%n")
    #expect(throws: Diagnostic.self) { try RunArguments.parse(["provision", "-h", "local", "--nodes", "8"]) }
    #expect(throws: Diagnostic.self) { try RunArguments.parse(["provision", "-h", "slurm", "--bogus", "1"]) }
  }
}
