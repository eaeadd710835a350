import Executors
import HPCBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Runs tools as local processes: PATH lookup here, execution through `Executors.LocalExecutor`.
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

  /// Runs `argv` with a time limit through the shared local executor (own session, stdin `/dev/null`, output
  /// captured in a temporary file, the whole process group torn down at the limit).
  package func run(_ argv: [String], timeout: Duration) async -> ToolOutcome {
    guard let tool = argv.first, let executable = locate(tool) else {
      return .notFound("\(argv.first ?? "?") not found on PATH")
    }
    guard let outputPath = FileSystem.makeTemporaryFile("/tmp/hpctest-tool-") else {
      return .failedToStart("cannot create a temporary file")
    }
    defer { unlink(outputPath) }
    let invocation = Invocation(
      argv: [executable] + argv.dropFirst(), environment: Self.currentEnvironment(),
      workingDirectory: FileSystem.currentDirectory(), outputPath: outputPath, timeout: timeout)
    switch await LocalExecutor().run(invocation) {
    case .failure(let error):
      return .failedToStart("cannot start \(executable): \(error)")
    case .success(let outcome):
      let output = FileSystem.readText(outputPath) ?? ""
      return outcome.timedOut ? .timedOut(output: output) : .finished(status: outcome.shellStatus, output: output)
    }
  }

  /// This process's environment (tools see what the check was started with).
  private static func currentEnvironment() -> [String: String] { ProcessEnvironment.current() }
}
