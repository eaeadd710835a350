import Executors
import HPCBasics
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// A real sshd on 127.0.0.1 for this test process, started by the executor tests' `sshd-up.sh` (a watcher stops
/// it when the process exits).
actor SSHGuest {
  /// Port, key and user of the server.
  struct Server: Sendable {
    var port: Int
    var key: String
    var user: String
    /// The listener's pid file (nil for the test cluster's sshd, which tests never stop).
    var pidFile: String? = nil
  }

  static let shared = SSHGuest()
  private var servers: [Server] = []

  /// The server: the test cluster's sshd when `scripts/test-cluster up` exported `HPCTEST_SSH_PORT/USER/KEY`,
  /// else one started on first use.
  func get() async throws -> Server {
    if let server = Self.clusterServer() { return server }
    return try await get(0)
  }

  /// A second server (another port and key), started on first use.
  func second() async throws -> Server { try await get(1) }

  private func get(_ index: Int) async throws -> Server {
    while servers.count <= index { servers.append(try await Self.start()) }
    return servers[index]
  }

  /// The sshd of `scripts/test-cluster up` (its `env` file exported into the test environment), if any.
  static func clusterServer() -> Server? {
    func value(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
    guard value("HPCTEST_SSH_HOST") == "127.0.0.1", let port = value("HPCTEST_SSH_PORT").flatMap({ Int($0) }),
      let user = value("HPCTEST_SSH_USER"), let key = value("HPCTEST_SSH_KEY")
    else { return nil }
    return Server(port: port, key: key, user: user)
  }

  /// A server of its own, for a test that stops it.
  static func start() async throws -> Server {
    let file = #filePath
    let tests = String(file[..<file.lastIndex(of: "/")!])
    let script = tests + "/../ExecutorsTests/Fixtures/scripts/sshd-up.sh"
    let directory = Scratch.directory("hpctest-sshd-")
    let invocation = Invocation(
      argv: ["/bin/sh", script, directory + "/sshd", String(getpid())],
      environment: ["PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"], workingDirectory: "/",
      outputPath: directory + "/up.txt", timeout: .seconds(60))
    let status = try await LocalExecutor().run(invocation).get()
    let text = FileSystem.readText(directory + "/up.txt") ?? ""
    var values: [String: String] = [:]
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: "=", maxSplits: 1)
      if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
    }
    guard status.shellStatus == 0, let port = values["PORT"].flatMap({ Int($0) }), let key = values["KEY"],
      let user = values["USER"]
    else { throw ExecutorError("sshd-up.sh failed: \(text)") }
    return Server(port: port, key: key, user: user, pidFile: values["PIDFILE"])
  }

  /// Stops `server` the hard way (listener and every connection killed), as a crashed guest would.
  static func stop(_ server: Server) {
    guard let pidFile = server.pidFile, let pid = Int32((FileSystem.readText(pidFile) ?? "").filter(\.isNumber))
    else { return }
    for child in children(of: pid) { kill(child, SIGKILL) }
    kill(pid, SIGKILL)
  }

  private static func children(of pid: Int32) -> [Int32] {
    (FileSystem.list("/proc") ?? []).compactMap { Int32($0) }.filter { child in
      let stat = FileSystem.readText("/proc/\(child)/stat") ?? ""
      guard let close = stat.lastIndex(of: ")") else { return false }
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      return fields.count > 1 && Int32(fields[1]) == pid
    }
  }
}
