import HPCBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Scratch space for the tests. Everything a test makes in /tmp lives in one directory of the test process,
/// `/tmp/hpctest-tests-XXXXXX`, which is removed when the process exits: a test run leaves nothing behind in /tmp.
/// Each call gets a fresh `mkdtemp` directory inside it (mode 0700), so tests running at once never share one.
public enum Scratch {
  /// The test process's own directory, made on first use and removed at exit. Mode 0755, as a directory of /tmp's
  /// own would be to other users: a test that drops privileges can still reach a directory it opened up.
  public static let root: String = {
    guard let root = FileSystem.makeTemporaryDirectory("/tmp/hpctest-tests-") else {
      fatalError("cannot make a scratch directory in /tmp: \(String(cString: strerror(errno)))")
    }
    chmod(root, 0o755)
    atexit { _ = FileSystem.removeTree(Scratch.root) }
    return root
  }()

  /// A fresh directory `<root>/<prefix>XXXXXX`, mode 0700.
  public static func directory(_ prefix: String) -> String {
    guard let path = FileSystem.makeTemporaryDirectory(root + "/" + prefix) else {
      fatalError("cannot make a scratch directory in \(root): \(String(cString: strerror(errno)))")
    }
    return path
  }

  /// A path for a file that does not exist yet, `<fresh directory>/<name>`: for a log or output that a command
  /// creates itself.
  public static func file(_ prefix: String, name: String) -> String {
    directory(prefix) + "/" + name
  }
}
