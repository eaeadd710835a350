import HPCBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The `hpctest-guard` program: the per-test supervisor (`CProcessShim`'s C code) as a small executable of its own,
/// started with vfork + execve so that nothing of hpctest's memory is copied per test. It is looked for beside the
/// running binary (a build directory, a staged copy) and in `<prefix>/libexec/hpctest/` of an installed one, and
/// used only when no one but root or this user can change it (hpctest runs it as root): a regular executable owned
/// by root or this user and not group- or world-writable, in a directory of which the same holds. Where there is
/// none (`swift run`, a binary copied alone to a guest), the supervisor is a fork of hpctest running the same C code.
package enum SupervisorProgram {
  /// The program's path, nil when none is usable here.
  package static let path: String? = locate(executable: FileSystem.realPath("/proc/self/exe"))

  /// The first usable `hpctest-guard` for the binary at `executable`.
  static func locate(executable: String?) -> String? {
    guard let executable else { return nil }
    let directory = Path.dirname(executable)
    let candidates = [directory + "/hpctest-guard", Path.dirname(directory) + "/libexec/hpctest/hpctest-guard"]
    return candidates.first { candidate in
      guard let real = FileSystem.realPath(candidate) else { return false }
      return isTrusted(real, directory: false) && isTrusted(Path.dirname(real), directory: true)
    }
  }

  /// True when `path` is a regular executable file (or a directory) owned by root or this user that neither its
  /// group nor others may write.
  static func isTrusted(_ path: String, directory: Bool) -> Bool {
    var status = stat()
    guard lstat(path, &status) == 0 else { return false }
    let kind = status.st_mode & S_IFMT
    guard kind == (directory ? S_IFDIR : S_IFREG), status.st_uid == 0 || status.st_uid == geteuid() else {
      return false
    }
    return status.st_mode & 0o022 == 0 && (directory || status.st_mode & 0o100 != 0)
  }
}
