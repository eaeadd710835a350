import Executors
import HPCBasics
import TMTModel

#if canImport(Glibc)
  import Glibc
#endif

/// Reads the kernel ring buffer with `dmesg` (never `dmesg -c`: other users of the buffer keep their messages).
enum Dmesg {
  /// tmt's default failure patterns.
  static let defaultPatterns = ["Call Trace:", "\\ssegfault\\s"]

  /// Writes the current buffer to `path`; `skip` with a note when dmesg is missing or not permitted.
  static func capture(to path: String) async -> (ResultOutcome, String?) {
    guard hasProgram("dmesg") else { return (.skip, "dmesg command not available") }
    FileSystem.write(path, "")
    let invocation = Invocation(
      argv: ["dmesg"], environment: ["PATH": TestEnvironment.defaultPath, "LC_ALL": "C"],
      workingDirectory: "/", outputPath: path, timeout: .seconds(30))
    guard case .success(let status) = await LocalExecutor().run(invocation), status.shellStatus == 0 else {
      return (.skip, "dmesg is not permitted for this user (kernel.dmesg_restrict or missing CAP_SYSLOG)")
    }
    return (.pass, nil)
  }

  /// Lines of `after` that were not in `before`: everything after the last line `before` ended with (or all of
  /// `after` when that line rotated out of the buffer).
  static func newLines(before: String, after: String) -> [String] {
    let old = before.split(separator: "\n").map(String.init)
    let current = after.split(separator: "\n").map(String.init)
    guard let last = old.last, let index = current.lastIndex(of: last) else { return current }
    return Array(current[(index + 1)...])
  }

  /// True when `name` is an executable in the default PATH.
  static func hasProgram(_ name: String) -> Bool {
    TestEnvironment.defaultPath.split(separator: ":").contains { access("\($0)/\(name)", X_OK) == 0 }
  }
}
