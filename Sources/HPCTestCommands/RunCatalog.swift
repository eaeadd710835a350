import HPCBasics
import TMTModel
import Workflow

#if canImport(Glibc)
  import Glibc
#endif

/// Loads the tree for `hpctest run` and hands it to the workflow.
enum RunCatalog {
  /// Loads the tree at `root` and runs; returns the exit code (2 when the tree cannot be loaded).
  static func run(root: String, options: RunOptions) async -> Int32 {
    var options = options
    var root = root
    var log = RunLog(verbosity: options.verbosity, quiet: options.quiet)
    log.live = Console.isTerminal(fd: 2)
    log.color = Console.colorAllowed(
      fd: 2, noColorFlag: options.noColor, environment: ProcessEnvironment.current())
    do throws(Diagnostic) {
      if let record = try RunDirectory.existingRecord(options) {
        record.restore(into: &options)
        if root == ".", let stored = record.root, FileSystem.isDirectory(stored) { root = stored }
      }
    } catch {
      log.always(error.description)
      return 2
    }
    let catalog: (tests: [TMTTest], plans: [TMTPlan], root: String, errors: [Diagnostic])
    do { catalog = try load(root, context: options.context, log: log) } catch {
      log.always(error.description)
      if let hint = InstalledSuite.hint(for: error) { log.always(hint) }
      return 2
    }
    let context = options.context
    let runner = Runner(
      tests: catalog.tests, plans: catalog.plans, root: catalog.root, options: options, log: log,
      loader: { (path) throws(Diagnostic) in try load(path, context: context).tests },
      hardware: RunHardware.gate(sysroot: options.sysroot))
    let code = await runner.run()
    // A node that failed to load is an error of the run, as tmt's exception would be.
    return catalog.errors.isEmpty || code == 2 ? code : 2
  }

  /// The tests and plans of the FMF tree at or above `path`; per-node load errors are printed and those nodes
  /// left out (a broken plan file does not stop the other plans).
  static func load(_ path: String, context: [(String, [String])], log: RunLog? = nil) throws(Diagnostic) -> (
    tests: [TMTTest], plans: [TMTPlan], root: String, errors: [Diagnostic]
  ) {
    let catalog = try TMTCatalog.load(root: path, context: context)
    for error in catalog.errors { log?.always(error.description) }
    return (catalog.tests, catalog.plans, catalog.tree.root, catalog.errors)
  }
}

/// Environment variables `hpctest run` honours.
enum RunEnvironment {
  /// `HPCTEST_WORKDIR_ROOT` (like tmt's `TMT_WORKDIR_ROOT`).
  static var workdirRoot: String? { getenv("HPCTEST_WORKDIR_ROOT").map { String(cString: $0) } }
  /// `HPCTEST_SITE`: the site file (as `run --site`).
  static var site: String? {
    getenv("HPCTEST_SITE").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
  }
  /// `HPCTEST_RESULTS_INTERVAL`: seconds between results.yaml rewrites during execute (default 2; 0 after every
  /// test, which a Slurm sweep's node script sets because it streams results.yaml back as it changes).
  static var resultsInterval: Duration? {
    getenv("HPCTEST_RESULTS_INTERVAL").flatMap { Double(String(cString: $0)) }.flatMap { $0 >= 0 ? .seconds($0) : nil }
  }
}
