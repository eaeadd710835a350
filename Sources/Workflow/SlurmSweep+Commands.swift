import Executors
import HPCBasics
import Reporting

#if canImport(Glibc)
  import Glibc
#endif

extension SlurmSweep {
  /// Runs a helper command (`tar`, `scancel`, `scontrol`) with output appended to `<folder>/commands.txt`.
  @discardableResult
  func command(_ argv: [String], folder: String, output: String? = nil) async -> Bool {
    let invocation = Invocation(
      argv: argv, environment: Self.environment(), workingDirectory: folder,
      outputPath: output ?? folder + "/commands.txt", timeout: .seconds(60))
    guard case .success(let outcome) = await LocalExecutor().run(invocation) else { return false }
    return outcome.shellStatus == 0
  }

  /// The allocation's node names (`scontrol show hostnames`), empty when unknown.
  func hostnames(_ list: String?, folder: String) async -> [String] {
    guard let list, !list.isEmpty else { return [] }
    let file = folder + "/nodes.txt"
    FileSystem.removeTree(file)
    guard await command(["scontrol", "show", "hostnames", list], folder: folder, output: file) else { return [] }
    return (FileSystem.readText(file) ?? "").split(separator: "\n").map(String.init)
  }

  /// hpctest's own environment, passed on to salloc (and from there, by srun, to every node): SLURM_CONF, PATH, ...
  static func environment() -> [String: String] { ProcessEnvironment.current() }

  /// Writes each plan × node results.yaml (on every core), the JUnit file, and prints the node × test table and
  /// failing nodes (the JUnit text and the table are made meanwhile, filling the time the writes wait for the disk).
  func write(_ merge: SlurmMerge, in directory: RunDirectory) async {
    async let document = merge.junit()
    async let summary = (table: merge.table(), failing: merge.failingNodes())
    for path in Self.writeResults(merge.entries, under: directory.path) {
      log.error("cannot write '\(path)'")
    }
    let junit = runner.options.junitFile.map(Path.absolute) ?? directory.path + "/junit.xml"
    if !FileSystem.writeAtomically(junit, await document) {
      log.error("cannot write the JUnit report to '\(junit)'")
    }
    let (table, failing) = await summary
    log.always("")
    for line in table { log.always(line) }
    log.always("")
    log.always(failing.isEmpty ? "failing nodes: none" : "failing nodes:")
    for line in failing { log.always("  " + line) }
    log.always("junit: \(junit)")
    log.always("total: " + Display.summary(merge.counts))
  }

  /// Writes `<root><plan>/<node>/execute/results.yaml` for every entry and returns the paths it could not write.
  /// Each plan's directory is opened once; a node's directories and file are then made on held descriptors
  /// (`FileSystem.Directory`: a few `mkdirat`/`openat` each instead of a walk from `/` per file, and no temporary +
  /// rename for a file that did not exist). The nodes' directories are made one after the other: each `mkdirat`
  /// holds the plan directory's lock, so a second thread only waits for it (both stop while ext4 reads a bitmap
  /// from the disk), while the JUnit text is rendered on the other cores meanwhile; then each node's `execute/`
  /// and file, independent of the others, on every core. Not fsynced one by one (that costs about as much as the
  /// merge itself); the JUnit file is.
  static func writeResults(_ entries: [SlurmMerge.Entry], under root: String) -> [String] {
    var plans: [String: FileSystem.Directory] = [:]
    for plan in entries.map(\.plan) where plans[plan] == nil {
      plans[plan] = FileSystem.Directory(root + plan, create: true)
    }
    let opened = plans
    let made = entries.map { opened[$0.plan]?.subdirectory($0.node, likelyNew: true) != nil }
    let written = Parallel.map(Array(entries.indices)) { index in
      let entry = entries[index]
      guard made[index],
        let folder = opened[entry.plan]?.subdirectory(entry.node)?.subdirectory("execute", likelyNew: true)
      else { return false }
      return folder.write("results.yaml", entry.text ?? ResultsYAML.render(entry.results))
    }
    return entries.indices.filter { !written[$0] }.map {
      root + entries[$0].plan + "/" + entries[$0].node + "/execute/results.yaml"
    }
  }
}
