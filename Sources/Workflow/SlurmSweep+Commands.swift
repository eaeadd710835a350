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

  /// Writes each plan × node results.yaml (on every core), the JUnit file (rendered meanwhile), and prints the
  /// node × test table and failing nodes.
  func write(_ merge: SlurmMerge, in directory: RunDirectory) async {
    async let document = merge.junit()
    let root = directory.path
    _ = await SlurmMerge.onEveryCore(merge.entries) { entries in
      for entry in entries {
        let folder = root + entry.plan + "/" + entry.node + "/execute"
        FileSystem.makeDirectories(folder)
        // Not fsynced one by one (that costs about as much as the merge itself); the JUnit file below is.
        FileSystem.writeAtomically(
          folder + "/results.yaml", entry.text ?? ResultsYAML.render(entry.results), durable: false)
      }
    }
    let junit = runner.options.junitFile.map(Path.absolute) ?? directory.path + "/junit.xml"
    if !FileSystem.writeAtomically(junit, await document) {
      log.error("cannot write the JUnit report to '\(junit)'")
    }
    log.always("")
    for line in merge.table() { log.always(line) }
    let failing = merge.failingNodes()
    log.always("")
    log.always(failing.isEmpty ? "failing nodes: none" : "failing nodes:")
    for line in failing { log.always("  " + line) }
    log.always("junit: \(junit)")
    log.always("total: " + Display.summary(merge.counts))
  }
}
