import HPCBasics

/// Where the installed copy of the repository's plans and tests lives: `<prefix>/share/hpctest` next to the
/// running binary's `<prefix>/bin`, as `scripts/install` and the RPM lay it out.
enum InstalledSuite {
  /// The installed suite for the binary at `executable` (default: the running one), when it is there.
  static func location(executable: String? = nil) -> String? {
    guard let binary = executable ?? FileSystem.readLink("/proc/self/exe") else { return nil }
    let prefix = Path.dirname(Path.dirname(binary))
    let suite = (prefix == "/" ? "" : prefix) + "/share/hpctest"
    return FileSystem.exists(suite + "/.fmf/version") ? suite : nil
  }

  /// A note for the error "no fmf tree here": where the installed suite is and how to run it.
  static func hint(
    for error: Diagnostic, command: String = CommandLine.arguments.dropFirst().joined(separator: " ")
  ) -> String? {
    guard error.message.hasPrefix("Unable to find tree root") else { return nil }
    guard let suite = location() else {
      return "note: run hpctest inside an fmf tree (a directory holding .fmf/) or pass --root DIR"
    }
    return "note: the installed suite is at \(suite): hpctest --root \(suite) \(command)"
  }
}
