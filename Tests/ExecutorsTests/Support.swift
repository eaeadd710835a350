import TestSupport

@testable import Executors

#if canImport(Glibc)
  import Glibc
#endif

/// Paths and helpers shared by the executor tests.
enum Support {
  /// `Fixtures/` beside this file.
  static let fixtures: String = {
    let file = #filePath
    return String(file[..<file.lastIndex(of: "/")!]) + "/Fixtures"
  }()

  /// A fresh temporary directory.
  static func temporaryDirectory() -> String {
    Scratch.directory("hpctest-exec-")
  }

  /// An invocation of fixture script `name` writing into `dir/output.txt`.
  static func invocation(_ name: String, in dir: String, timeout: Duration? = nil) -> Invocation {
    Invocation(
      argv: ["/bin/sh", fixtures + "/scripts/" + name],
      environment: ["PATH": "/usr/bin:/bin", "FOO": "bar", "PIDFILE": dir + "/pid"],
      workingDirectory: dir, outputPath: dir + "/output.txt", timeout: timeout,
      killGrace: .milliseconds(300))
  }

  /// Reads a whole file, "" when missing.
  static func read(_ path: String) -> String {
    guard let file = fopen(path, "r") else { return "" }
    defer { fclose(file) }
    var result = ""
    var buffer = [CChar](repeating: 0, count: 4096)
    while fgets(&buffer, 4096, file) != nil { result += String(cString: buffer) }
    return result
  }

  /// The pid stored in `dir/pid`, waiting until the script wrote it.
  static func waitForPID(in dir: String) async -> Int32 {
    while true {
      if let pid = Int32(read(dir + "/pid").filter { !$0.isWhitespace }) { return pid }
      try? await Task.sleep(for: .milliseconds(10))
    }
  }

  /// True while `pid` exists and is not a zombie.
  static func isAlive(_ pid: Int32) -> Bool {
    let stat = read("/proc/\(pid)/stat")
    guard let close = stat.lastIndex(of: ")") else { return false }
    let state = stat[close...].dropFirst(2).first
    return state != nil && state != "Z" && state != "X"
  }

  /// Waits (bounded) until `pid` is gone; the kernel may need a moment to deliver SIGKILL.
  static func becomesDead(_ pid: Int32) async -> Bool {
    for _ in 0..<200 where isAlive(pid) { try? await Task.sleep(for: .milliseconds(10)) }
    return !isAlive(pid)
  }
}

extension Support {
  /// Writes `text` to `path`, creating parent directories.
  static func write(_ path: String, _ text: String) {
    let parent = String(path[..<path.lastIndex(of: "/")!])
    var prefix = ""
    for part in parent.split(separator: "/") {
      prefix += "/" + part
      mkdir(prefix, 0o755)
    }
    guard let file = fopen(path, "w") else { return }
    fputs(text, file)
    fclose(file)
  }

  /// The direct children of `pid` (from /proc).
  static func children(of pid: Int32) -> [Int32] {
    guard let dir = opendir("/proc") else { return [] }
    defer { closedir(dir) }
    var result: [Int32] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) {
        String(cString: $0.bindMemory(to: CChar.self).baseAddress!)
      }
      guard let child = Int32(name) else { continue }
      let stat = read("/proc/\(child)/stat")
      guard let close = stat.lastIndex(of: ")") else { continue }
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      if fields.count > 1, Int32(fields[1]) == pid { result.append(child) }
    }
    return result
  }
}
