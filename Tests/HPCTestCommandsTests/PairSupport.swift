import Glibc
import HPCBasics
import Reporting
import Synchronization
import TMTModel

/// Reading a pair run back: results per test and guest, a test's output, and what it left behind.
enum PairResults {
  /// `NAME GUEST OUTCOME` per result of a results.yaml text, in file order (unreadable: empty).
  static func summary(_ text: String) -> [String] {
    let results = (try? ResultsYAML.read(text, file: "results.yaml")) ?? []
    return results.map { "\($0.name) \($0.guest.name) \($0.result.rawValue)" }
  }

  /// The `output.txt` of `test` (`/tests/<test>`) under a guest's data directory (any serial number).
  static func output(_ guestDirectory: String, test: String) -> String {
    let base = guestDirectory + "/tests"
    let match = (FileSystem.list(base) ?? []).first { $0.hasPrefix(test + "-") }
    return match.flatMap { FileSystem.readText(base + "/" + $0 + "/output.txt") } ?? "<no output of \(test)>"
  }

  /// Processes whose environment names `recordings` (the stand-ins of one test run and anything they started).
  static func leftovers(_ recordings: String) -> [Int32] {
    let marker = "STANDIN_RECORDINGS=" + recordings
    return (FileSystem.list("/proc") ?? []).compactMap { Int32($0) }.filter { pid in
      guard let environment = FileSystem.readText("/proc/\(pid)/environ") else { return false }
      return environment.split(separator: "\0").contains { $0 == marker }
    }
  }

  /// True when a socket listens on TCP `port` (IPv4 or IPv6).
  static func listening(port: Int) -> Bool {
    let hex = String(port, radix: 16, uppercase: true)
    let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    return ["/proc/net/tcp", "/proc/net/tcp6"].contains { file in
      (FileSystem.readText(file) ?? "").split(separator: "\n").dropFirst().contains { line in
        let fields = line.split(separator: " ")
        return fields.count > 3 && fields[1].hasSuffix(":" + padded) && fields[3] == "0A"
      }
    }
  }
}

/// An sshd on 127.0.0.1 for the pair tests: the test cluster's (`scripts/test-cluster up` exported
/// `HPCTEST_SSH_*`), else one started by the executor tests' `sshd-up.sh` for this test process.
struct SSHServer: Sendable {
  var port: Int
  var key: String
  var user: String

  struct Unavailable: Error, CustomStringConvertible {
    var description: String
  }

  private static let started = Mutex<SSHServer?>(nil)

  static func get() throws -> SSHServer {
    func value(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
    if value("HPCTEST_SSH_HOST") == "127.0.0.1", let port = value("HPCTEST_SSH_PORT").flatMap({ Int($0) }),
      let user = value("HPCTEST_SSH_USER"), let key = value("HPCTEST_SSH_KEY")
    {
      return SSHServer(port: port, key: key, user: user)
    }
    return try started.withLock { server in
      if let server { return server }
      let made = try start()
      server = made
      return made
    }
  }

  private static func start() throws -> SSHServer {
    let script = EndToEndTests.repository + "/Tests/ExecutorsTests/Fixtures/scripts/sshd-up.sh"
    let directory = EndToEndTests.temporaryDirectory()
    let status = system("/bin/sh '\(script)' '\(directory)/sshd' \(getpid()) >'\(directory)/up.txt' 2>&1")
    var values: [String: String] = [:]
    for line in (FileSystem.readText(directory + "/up.txt") ?? "").split(separator: "\n") {
      let parts = line.split(separator: "=", maxSplits: 1)
      if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
    }
    guard status == 0, let port = values["PORT"].flatMap({ Int($0) }), let key = values["KEY"],
      let user = values["USER"]
    else { throw Unavailable(description: "sshd-up.sh failed: \(FileSystem.readText(directory + "/up.txt") ?? "")") }
    return SSHServer(port: port, key: key, user: user)
  }
}
