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
    let log = RunLog(verbosity: options.verbosity, quiet: options.quiet)
    let catalog: (tests: [TMTTest], plans: [TMTPlan], root: String)
    do { catalog = try load(root, context: options.context) } catch {
      log.always(error.description)
      return 2
    }
    let context = options.context
    let runner = Runner(
      tests: catalog.tests, plans: catalog.plans, root: catalog.root, options: options, log: log,
      loader: { (path) throws(Diagnostic) in try load(path, context: context).tests },
      hardware: RunHardware.gate(sysroot: options.sysroot))
    return await runner.run()
  }

  /// The tests and plans of the FMF tree at or above `path`.
  static func load(_ path: String, context: [(String, [String])]) throws(Diagnostic) -> (
    tests: [TMTTest], plans: [TMTPlan], root: String
  ) {
    throw .error(
      "loading TMT trees needs TMTCatalog.load from the TMT loader, which is not merged into this build yet "
        + "(seam: Sources/HPCTestCommands/RunCatalog.swift)")
  }
}

/// Environment variables `hpctest run` honours.
enum RunEnvironment {
  /// `HPCTEST_WORKDIR_ROOT` (like tmt's `TMT_WORKDIR_ROOT`).
  static var workdirRoot: String? { getenv("HPCTEST_WORKDIR_ROOT").map { String(cString: $0) } }
}
