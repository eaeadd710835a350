import HPCBasics

/// Where `hpctest health` finds its plans: `--root DIR`, else the FMF tree at or above the current directory,
/// else the suite installed next to the binary (`<prefix>/share/hpctest` for `<prefix>/bin/hpctest`), because
/// slurmd starts its HealthCheckProgram as root in no particular directory and with no environment.
enum HealthTree {
  /// The tree root to load.
  static func root(_ given: String) -> String {
    guard given == "." else { return given }
    if treeAbove(FileSystem.currentDirectory()) { return given }
    if let installed = installedSuite(), FileSystem.exists(Path.join(installed, ".fmf/version")) { return installed }
    return given
  }

  /// True when `directory` or one of its parents holds `.fmf/version`.
  static func treeAbove(_ directory: String) -> Bool {
    var current = directory
    while true {
      if FileSystem.exists(Path.join(current, ".fmf/version")) { return true }
      let parent = Path.dirname(current)
      if parent == current || current.isEmpty { return false }
      current = parent
    }
  }

  /// `<prefix>/share/hpctest` for the running `<prefix>/bin/hpctest` (from `/proc/self/exe`).
  static func installedSuite() -> String? {
    guard let executable = FileSystem.readLink("/proc/self/exe") else { return nil }
    return Path.join(Path.dirname(Path.dirname(executable)), "share/hpctest")
  }
}
