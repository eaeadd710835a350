import Executors
import HPCBasics

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
  }

  static let shared = SSHGuest()
  private var servers: [Server] = []

  /// The server, started on first use.
  func get() async throws -> Server { try await get(0) }

  /// A second server (another port and key), started on first use.
  func second() async throws -> Server { try await get(1) }

  private func get(_ index: Int) async throws -> Server {
    while servers.count <= index { servers.append(try await Self.start()) }
    return servers[index]
  }

  private static func start() async throws -> Server {
    let file = #filePath
    let tests = String(file[..<file.lastIndex(of: "/")!])
    let script = tests + "/../ExecutorsTests/Fixtures/scripts/sshd-up.sh"
    var template = Array("/tmp/hpctest-sshd-XXXXXX".utf8CString)
    let directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
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
    return Server(port: port, key: key, user: user)
  }
}
