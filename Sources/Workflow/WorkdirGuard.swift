public import HPCBasics

#if canImport(Glibc)
  import Glibc
#endif

/// The checks that keep root from writing through a path another user planted under the workdir root (by
/// default /var/tmp/hpctest, in a directory every user can write): the root itself must be a real directory
/// owned by root or by the invoking user and not writable by others unless sticky; a run directory that is
/// reused (`--id`, `--last`) must be a real directory of the same owner; `last-run` is followed only when it is
/// a link of the same user pointing inside the root. New run directories are made with `mkdir(2)` (exclusive),
/// so nothing inside them predates the run.
package enum WorkdirGuard {
  /// Creates `root` (0755) when missing, then checks it; a diagnostic names the owner, the mode and the way out.
  package static func checkRoot(_ root: String) throws(Diagnostic) {
    var info = stat()
    if lstat(root, &info) != 0 {
      guard errno == ENOENT, FileSystem.makeDirectories(root), lstat(root, &info) == 0 else {
        throw .error("cannot create workdir root '\(root)': \(String(cString: strerror(errno)))")
      }
    }
    if let problem = problem(info, sticky: true) {
      throw .error(
        "refusing workdir root '\(root)': \(problem); choose another with --workdir-root DIR or "
          + "HPCTEST_WORKDIR_ROOT, or fix it (chown \(geteuid()) and chmod go-w)")
    }
  }

  /// Checks a run directory that already exists (reopened by `--id` or `--last`).
  package static func checkExistingRun(_ path: String) throws(Diagnostic) {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }
    if let problem = problem(info, sticky: false) { throw .error("refusing run directory '\(path)': \(problem)") }
  }

  /// The target of `<root>/last-run` when it is a link of this user (or root) to a directory inside `root`.
  package static func lastRun(root: String) throws(Diagnostic) -> String {
    let link = Path.join(root, "last-run")
    var info = stat()
    guard lstat(link, &info) == 0, let target = FileSystem.readLink(link) else {
      throw .error("no previous run found under '\(root)' (--last)")
    }
    let absolute = target.hasPrefix("/") ? target : Path.join(root, target)
    guard (info.st_mode & S_IFMT) == S_IFLNK, info.st_uid == geteuid() || info.st_uid == 0,
      absolute.hasPrefix(root.hasSuffix("/") ? root : root + "/"),
      SafeName.staysInside(String(absolute.dropFirst(root.count + 1)))
    else {
      throw .error("refusing '\(link)': not a link of this user to a run inside '\(root)' (--last)")
    }
    return absolute
  }

  /// Why `info` is not a directory this user may trust, or nil.
  static func problem(_ info: stat, sticky: Bool) -> String? {
    let kind = info.st_mode & S_IFMT
    if kind == S_IFLNK { return "it is a symbolic link" }
    if kind != S_IFDIR { return "it is not a directory" }
    if info.st_uid != geteuid() && info.st_uid != 0 {
      return "it is owned by uid \(info.st_uid), not by this user (uid \(geteuid())) or root"
    }
    let writableByOthers = info.st_mode & (S_IWGRP | S_IWOTH) != 0
    let isSticky = info.st_mode & S_ISVTX != 0
    if writableByOthers && !(sticky && isSticky) {
      return "mode \(String(info.st_mode & 0o7777, radix: 8)) lets other users write into it"
    }
    return nil
  }
}
