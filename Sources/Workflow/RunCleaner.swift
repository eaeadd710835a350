public import HPCBasics

#if canImport(Glibc)
  import Glibc
#endif

/// `hpctest clean runs`: removes run directories under a workdir root as tmt does (`--keep N` keeps the newest N
/// by change time; `--last`; `--id`), and only real directories of this user (or root) inside the root, so a
/// planted link or another user's run is never removed through root.
package enum RunCleaner {
  /// What to clean.
  package struct Request: Sendable {
    /// The workdir root.
    package var root: String
    /// `--id` values (names under the root, or paths).
    package var ids: [String] = []
    /// `--last`.
    package var last = false
    /// `--keep N`.
    package var keep: Int?
    /// `--dry`: only say what would be removed.
    package var dry = false

    /// Creates a request for `root`.
    package init(root: String) { self.root = root }
  }

  /// The run directories the request selects, newest first when `keep` applies.
  package static func selected(_ request: Request) throws(Diagnostic) -> [String] {
    if request.last { return [try WorkdirGuard.lastRun(root: request.root)] }
    if !request.ids.isEmpty {
      return try request.ids.map { (id) throws(Diagnostic) in
        let path =
          RunDirectory.path(forID: id, root: request.root)
        guard FileSystem.isDirectory(path) else { throw .error("Directory '\(path)' does not exist.") }
        return path
      }
    }
    let runs = (FileSystem.list(request.root) ?? []).filter {
      $0.hasPrefix("run-") || FileSystem.exists(RunRecord.file(in: Path.join(request.root, $0)))
    }
    .map { Path.join(request.root, $0) }
    .filter { FileSystem.kind($0, follow: false) == .directory }
    guard let keep = request.keep else { return runs.sorted() }
    let newest = runs.map { ($0, changeTime($0)) }.sorted { ($0.1, $0.0) > ($1.1, $1.0) }.map(\.0)
    return Array(newest.dropFirst(max(0, keep)))
  }

  /// Removes (or, dry, lists) the selected runs; returns one line per run and whether every removal worked.
  package static func clean(_ request: Request) throws(Diagnostic) -> (lines: [String], ok: Bool) {
    var lines: [String] = []
    var ok = true
    for path in try selected(request) {
      do throws(Diagnostic) { try WorkdirGuard.checkExistingRun(path) } catch {
        lines.append("warning: \(error.description)")
        ok = false
        continue
      }
      if request.dry {
        lines.append("Would remove workdir '\(path)'.")
      } else if FileSystem.removeTree(path) {
        lines.append("Removing workdir '\(path)'.")
      } else {
        lines.append("warning: Failed to remove '\(path)'.")
        ok = false
      }
    }
    lines.append(
      "Summary: \(request.dry ? "would remove" : "removed") \(lines.filter { !$0.hasPrefix("warning") }.count) run(s).")
    return (lines, ok)
  }

  private static func changeTime(_ path: String) -> Int {
    var info = stat()
    guard lstat(path, &info) == 0 else { return 0 }
    return Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec)
  }
}
