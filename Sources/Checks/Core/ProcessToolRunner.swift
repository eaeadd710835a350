import HPCBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Runs tools as local processes: PATH lookup, output captured in a temporary file, the process group killed
/// with SIGKILL at the time limit.
package struct ProcessToolRunner: ToolRunner {
  /// The directories searched for tools (PATH, plus the sbin directories where admin tools live).
  package var searchPath: [String]

  /// Creates a runner searching `path` (default: `$PATH` plus `/usr/sbin` and `/sbin`).
  package init(path: String? = nil) {
    let text = path ?? (getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin")
    searchPath = text.split(separator: ":").map(String.init) + ["/usr/local/sbin", "/usr/sbin", "/sbin"]
  }

  /// The absolute path of `tool`, or nil when it is not installed.
  package func locate(_ tool: String) -> String? {
    if tool.contains("/") { return access(tool, X_OK) == 0 ? tool : nil }
    return searchPath.map { Path.join($0, tool) }.first { access($0, X_OK) == 0 && !FileSystem.isDirectory($0) }
  }

  /// Runs `argv` with a time limit.
  package func run(_ argv: [String], timeout: Duration) async -> ToolOutcome {
    guard let tool = argv.first, let executable = locate(tool) else {
      return .notFound("\(argv.first ?? "?") not found on PATH")
    }
    var template = Array("/tmp/hpctest-tool-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { return .failedToStart("cannot create a temporary file") }
    let outputPath = String(cString: template)
    defer { unlink(outputPath) }
    guard let pid = spawn(executable, argv, outputFD: fd) else {
      close(fd)
      return .failedToStart("cannot start \(executable): errno \(errno)")
    }
    close(fd)
    let status = await wait(pid, timeout: timeout)
    let output = FileSystem.readText(outputPath) ?? ""
    guard let status else { return .timedOut(output: output) }
    return .finished(status: status, output: output)
  }

  private func spawn(_ executable: String, _ argv: [String], outputFD: Int32) -> pid_t? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, outputFD, 1)
    posix_spawn_file_actions_adddup2(&actions, outputFD, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)
    var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for pointer in cArgs { free(pointer) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, executable, &actions, &attributes, &cArgs, environ)
    return result == 0 ? pid : nil
  }

  /// The exit status (128 + signal when killed by one), or nil after killing the group at the time limit.
  private func wait(_ pid: pid_t, timeout: Duration) async -> Int32? {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    var status: Int32 = 0
    while true {
      let result = waitpid(pid, &status, WNOHANG)
      if result == pid { return Self.decode(status) }
      if result < 0 && errno != EINTR { return 255 }
      if clock.now >= deadline {
        kill(-pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
        return nil
      }
      try? await Task.sleep(for: .milliseconds(20))
    }
  }

  private static func decode(_ status: Int32) -> Int32 {
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : 128 + signal
  }
}
