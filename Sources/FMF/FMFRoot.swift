import HPCBasics

/// Finding the tree root (walk up to a directory holding `.fmf/`) and reading `.fmf/version`.
enum FMFRoot {
  /// The nearest directory at or above `path` that contains a `.fmf` directory.
  static func find(_ path: String, workingDirectory: String) throws(Diagnostic) -> String {
    let start = FMFPath.absolute(path, from: workingDirectory)
    var root = start
    while true {
      guard FileSystem.isDirectory(root) else {
        throw Diagnostic.error("Invalid directory path: \(root)", at: SourceLocation(file: path))
      }
      if FileSystem.isDirectory(root + (root == "/" ? "" : "/") + ".fmf") { return root }
      if root == "/" {
        throw Diagnostic.error("Unable to find tree root for '\(start)'.", at: SourceLocation(file: path))
      }
      root = Path.dirname(root)
    }
  }

  /// `int(open(".fmf/version").read())`, with fmf's error texts.
  static func version(root: String) throws(Diagnostic) -> Int {
    let path = (root == "/" ? "" : root) + "/.fmf/version"
    let location = SourceLocation(file: ".fmf/version")
    guard let kind = FileSystem.kind(path) else {
      throw Diagnostic.error(
        "Unable to detect format version: [Errno 2] No such file or directory: '\(path)'", at: location)
    }
    guard kind == .file, let bytes = FileSystem.readBytes(path) else {
      throw Diagnostic.error("Unable to detect format version: cannot read '\(path)'", at: location)
    }
    guard let text = String(validating: bytes, as: UTF8.self), let version = FMFContextValue.pythonInt(text) else {
      throw Diagnostic.error("Invalid version format", at: location)
    }
    return version
  }
}
