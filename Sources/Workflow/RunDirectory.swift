public import HPCBasics

#if canImport(Glibc)
  import Glibc
#endif

/// The run's working directory, laid out like tmt's (`<run>/plans/<plan>/execute/results.yaml`, ...).
package struct RunDirectory: Sendable {
  /// Absolute path.
  package var path: String
  /// True when the directory existed with results before this run (`--last`, `--id` of a finished run).
  package var reopened: Bool
  /// True when an earlier hpctest was killed while executing in this directory (its `running` marker is stale):
  /// finished results are kept and only the tests still pending run (unless `--again`).
  package var continuesKilledRun = false

  /// Chooses and creates the directory: `--last`, `--id` (a bare name under the workdir root), else the next
  /// free `run-NNN`. `--scratch` empties it first.
  package static func prepare(_ options: RunOptions) throws(Diagnostic) -> RunDirectory {
    let root = options.workdirRoot
    var path: String
    if options.last {
      try WorkdirGuard.checkRoot(root)
      path = try WorkdirGuard.lastRun(root: root)
    } else if let id = options.id {
      if !id.contains("/") { try WorkdirGuard.checkRoot(root) }
      path = Self.path(forID: id, root: root)
    } else {
      try WorkdirGuard.checkRoot(root)
      return try next(under: root)
    }
    try WorkdirGuard.checkExistingRun(path)
    if options.scratch { FileSystem.removeTree(path) }
    let reopened = !(FileSystem.list(path) ?? []).isEmpty
    guard FileSystem.makeDirectories(path) else { throw .error("cannot create run directory '\(path)'") }
    return RunDirectory(path: path, reopened: reopened)
  }

  /// The record of the run `--last` or `--id` reopens, nil for a new run or a run without `run.yaml`; an unsafe
  /// run directory or `last-run` link is an error, as it is for `prepare`.
  package static func existingRecord(_ options: RunOptions) throws(Diagnostic) -> RunRecord? {
    guard !options.scratch else { return nil }
    let path: String
    if options.last {
      path = try WorkdirGuard.lastRun(root: options.workdirRoot)
    } else if let id = options.id {
      path =
        Self.path(forID: id, root: options.workdirRoot)
    } else {
      return nil
    }
    guard FileSystem.isDirectory(path) else { return nil }
    try WorkdirGuard.checkExistingRun(path)
    return try RunRecord.read(in: path)
  }

  /// The directory `--id ID` names: a path when it has a slash, else a name (sanitized) under the workdir `root`.
  package static func path(forID id: String, root: String) -> String {
    id.contains("/") ? Path.absolute(id) : Path.join(root, SafeName.sanitize(id, allowSlash: false))
  }

  private static func next(under root: String) throws(Diagnostic) -> RunDirectory {
    let used = (FileSystem.list(root) ?? []).compactMap { name -> Int? in
      name.hasPrefix("run-") ? Int(name.dropFirst(4)) : nil
    }
    var number = (used.max() ?? 0) + 1
    while true {
      let digits = String(number)
      let path = Path.join(root, "run-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits)
      if mkdir(path, 0o755) == 0 { return RunDirectory(path: path, reopened: false) }
      guard errno == EEXIST else { throw .error("cannot create run directory '\(path)'") }
      number += 1
    }
  }

  /// Points `<workdir root>/last-run` at this run: a new link under a fresh name, renamed over the old one
  /// (`rename(2)` replaces a planted link itself, never what it points to). Only for runs inside `root`.
  package func recordAsLast(root: String) {
    guard path.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { return }
    FileSystem.replaceLink(Path.join(root, "last-run"), target: path)
  }

  /// `<run>/<plan's safe name without leading slash>` (`/plans/gpu` → `<run>/plans/gpu`), as tmt lays it out;
  /// `..` and other special characters in the name become `-`, so the directory is always inside the run.
  package func planDirectory(_ planName: String) -> String {
    path + "/" + SafeName.relativePath(planName)
  }

  /// `<run>/scripts`, holding the tmt-* helper commands.
  package var scripts: String { path + "/scripts" }
}
