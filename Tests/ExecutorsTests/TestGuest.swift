@testable import Executors

#if canImport(Glibc)
  import Glibc
#endif

/// A real sshd on 127.0.0.1 started for this test process by `Fixtures/scripts/sshd-up.sh` (a watcher stops it
/// when the process exits), and executors that reach it.
actor TestGuest {
  /// The connection facts printed by the script.
  struct Server: Sendable {
    var port: Int
    var key: String
    var user: String
    var pidFile: String
    var directory: String
  }

  static let shared = TestGuest()
  private var server: Server?

  /// The shared server: the test cluster's sshd when `scripts/test-cluster up` exported `HPCTEST_SSH_PORT/USER/KEY`,
  /// else one started on first use.
  func shared() async throws -> Server {
    if let server { return server }
    if let cluster = Self.clusterServer() {
      server = cluster
      return cluster
    }
    let started = try await Self.start()
    server = started
    return started
  }

  /// The sshd of `scripts/test-cluster up`, if its variables are exported.
  static func clusterServer() -> Server? {
    func value(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
    guard value("HPCTEST_SSH_HOST") == "127.0.0.1", let port = value("HPCTEST_SSH_PORT").flatMap({ Int($0) }),
      let user = value("HPCTEST_SSH_USER"), let key = value("HPCTEST_SSH_KEY")
    else { return nil }
    return Server(port: port, key: key, user: user, pidFile: "", directory: "")
  }

  /// A server of its own (for tests that stop it).
  static func start() async throws -> Server {
    let directory = Support.temporaryDirectory() + "/sshd"
    let out = Support.temporaryDirectory() + "/sshd-up.txt"
    let invocation = Invocation(
      argv: ["/bin/sh", Support.fixtures + "/scripts/sshd-up.sh", directory, String(getpid())],
      environment: ["PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"], workingDirectory: "/",
      outputPath: out, timeout: .seconds(60))
    let status = try await LocalExecutor().run(invocation).get()
    var values: [String: String] = [:]
    for line in Support.read(out).split(separator: "\n") {
      let parts = line.split(separator: "=", maxSplits: 1)
      if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
    }
    guard status.shellStatus == 0, let port = values["PORT"].flatMap({ Int($0) }), let key = values["KEY"],
      let user = values["USER"], let pidFile = values["PIDFILE"]
    else { throw ExecutorError("sshd-up.sh failed: \(Support.read(out))") }
    return Server(port: port, key: key, user: user, pidFile: pidFile, directory: directory)
  }

  /// An opened executor for `server` with its own master socket (in the private directory `open()` makes).
  static func executor(_ server: Server, name: String = "guest-1") async throws -> SSHExecutor {
    let target = SSHTarget(host: "127.0.0.1", user: server.user, port: server.port, keys: [server.key])
    var executor = SSHExecutor(name: name, target: target, stateDirectory: Support.temporaryDirectory() + "/state")
    if let error = await executor.open() { throw error }
    return executor
  }
}
