import Executors
import HPCBasics
import Reporting
import TMTModel

#if canImport(Glibc)
  import Glibc
#endif

/// `hpctest run` over Slurm nodes: one allocation (`salloc`), `sbcast` of the hpctest binary, a tarball of the
/// tree and the node script to node-local storage, `srun --ntasks-per-node=1` runs the plans on every node at once,
/// and each node's results come back through srun's output (no shared filesystem is assumed). Interrupting
/// hpctest tears salloc down and `scancel`s the job; what the nodes had finished is kept.
struct SlurmSweep {
  /// The run's plans, tree, options and output.
  var runner: Runner
  var log: RunLog { runner.log }
  var slurm: SlurmOptions { runner.options.slurm }

  /// Runs the sweep in `directory` and returns tmt's exit code over all nodes.
  func run(in directory: RunDirectory) async -> Int32 {
    let plans = runner.selectedPlans()
    let folder = directory.path + "/slurm"
    FileSystem.makeDirectories(folder)
    guard let layout = await stage(plans, in: folder) else { return 2 }
    let output = folder + "/output.txt"
    let argv = ["salloc"] + allocation(plans).sallocOptions + ["--", "/bin/bash", folder + "/driver.sh"]
    log.line("provision", level: 1)
    log.line("how: slurm: " + ShellQuote.join(argv), level: 2)
    let outcome = await LocalExecutor().run(
      Invocation(
        argv: argv, environment: Self.environment(), workingDirectory: directory.path, outputPath: output,
        killGrace: .seconds(5)))
    let interrupted = Task.isCancelled || (try? outcome.get().cancelled) == true
    // The joined file srun copied to the nodes (binary and tree), also when the driver was interrupted.
    FileSystem.removeTree(layout.payload)
    if interrupted, let job = Self.jobID(in: output) { await command(["scancel", job], folder: folder) }
    if case .failure(let error) = outcome { log.error("salloc: \(error)") }
    let frames = SlurmOutput.withBytes(output) { SlurmFrames.parse(bytes: $0) }
    let nodes = await hostnames(frames.nodeList, folder: folder)
    guard frames.jobID != nil else {
      log.error("no allocation was made; salloc said:\n" + (FileSystem.readText(output) ?? ""))
      return 2
    }
    let merge = SlurmMerge.merging(frames: frames, plans: plans.map(\.name), nodes: nodes)
    await write(merge, in: directory)
    Self.keepUntilExit((frames, merge))
    return interrupted ? 1 : merge.exitCode
  }

  /// The job id the driver printed (`@hpctest - job ID NODELIST`, among the first lines), without parsing the rest.
  static func jobID(in output: String) -> String? {
    guard let text = FileSystem.readText(output) else { return nil }
    // salloc's own lines ("salloc: Granted job allocation 7") come before it.
    let head = text.split(separator: "\n", maxSplits: 8).prefix(8).joined(separator: "\n")
    return SlurmFrames.parse(head).jobID
  }

  /// Writes the tarball, the node script and the driver; nil (after a message) when that fails.
  private func stage(_ plans: [TMTPlan], in folder: String) async -> SlurmSweepScript.Layout? {
    let tarball = folder + "/tree.tar.gz"
    // Build outputs and virtual environments are not part of the tree a test needs.
    let excludes = [".build", ".venv", ".swiftpm"].map { "--exclude=./" + $0 }
    let argv = ["tar", "-czf", tarball, "--exclude-vcs"] + excludes + ["-C", runner.root, "."]
    let packed = await command(argv, folder: folder)
    guard packed else {
      log.error("cannot pack the tree '\(runner.root)' into '\(tarball)' (see \(folder)/commands.txt)")
      return nil
    }
    let executable = FileSystem.realPath(slurm.executable) ?? slurm.executable
    var info = stat()
    guard stat(executable, &info) == 0 else {
      log.error("cannot read the hpctest binary '\(executable)'")
      return nil
    }
    let layout = SlurmSweepScript.Layout(
      executable: executable, tarball: tarball, nodeScript: folder + "/node.sh", payload: folder + "/node.run",
      stageRoot: slurm.stageRoot, nodeDirectory: slurm.nodeDirectory, arguments: nodeArguments(plans))
    guard FileSystem.write(layout.nodeScript, SlurmSweepScript.node(binaryBytes: Int(info.st_size)), mode: 0o755),
      FileSystem.write(folder + "/driver.sh", SlurmSweepScript.driver(layout), mode: 0o755)
    else {
      log.error("cannot write the sweep scripts into '\(folder)'")
      return nil
    }
    return layout
  }

  /// hpctest's arguments on each node: the plans, `HPCTEST_NODE` (the node's name) and `-e`, `-c`, `--sysroot` (`%n`
  /// kept for the node script to fill in), local provision.
  private func nodeArguments(_ plans: [TMTPlan]) -> [String] {
    var arguments = plans.map(\.name) + ["-e", "HPCTEST_NODE=%n"]
    for (key, value) in runner.options.environment { arguments += ["-e", key + "=" + value] }
    for (key, values) in runner.options.context { arguments += ["-c", key + "=" + values.joined(separator: ",")] }
    if !runner.options.sysroot.isLive { arguments += ["--sysroot", runner.options.sysroot.path] }
    if runner.options.ignoreHardware { arguments.append("--ignore-hardware") }
    return arguments + ["-a", "provision", "-h", "local"]
  }

  /// The allocation: the command line's keys, then the first plan's `provision: how: slurm` keys for the rest.
  func allocation(_ plans: [TMTPlan]) -> SlurmAllocation {
    var allocation = slurm.allocation
    let given = Dictionary(uniqueKeysWithValues: allocation.fields.map { ($0.key, $0.value) })
    let phase = plans.lazy.compactMap { $0.phases(.provision).first { $0.how == "slurm" } }.first
    for key in SlurmAllocation.keys where given[key] ?? nil == nil {
      if let value = phase?[key]?.scalarText { _ = allocation.set(key, value) }
    }
    return allocation
  }
}
