import Glibc
import HPCBasics
import TestSupport

/// The project's test cluster (`scripts/test-cluster up`: munged, slurmctld, three slurmd n1..n3, sshd), started once
/// per test process; its env file is loaded into this process so `salloc`/`srun` find its slurm.conf.
enum SlurmCluster {
  /// The cluster's variables (`SLURM_CONF`, `HPCTEST_NODE_ROOT`, ...), nil when it could not start.
  static let environment: [String: String]? = start()

  /// Why the cluster tests do not run, for the skip message.
  static var unavailable: Bool { environment == nil }

  /// Runs `command` with bash in the repository, stdout and stderr merged; returns the status and the output.
  static func shell(_ command: String) -> (status: Int32, output: String) {
    let log = Scratch.file("hpctest-cluster-test-", name: "output.log")
    defer { unlink(log) }
    let script = "cd '\(EndToEndTests.repository)' && { \(command) ; } >'\(log)' 2>&1 </dev/null"
    let quoted = "'" + script.replacing("'", with: "'\\''") + "'"
    let raw = system("/bin/bash -c " + quoted)
    return ((raw >> 8) & 0xff, FileSystem.readText(log) ?? "")
  }

  private static func start() -> [String: String]? {
    let up = shell("scripts/test-cluster up")
    guard up.status == 0, let path = up.output.split(separator: "\n").last.map(String.init),
      let text = FileSystem.readText(path)
    else {
      print("SlurmCluster: the test cluster cannot start here, skipping the Slurm tests:\n\(up.output)")
      return nil
    }
    var result: [String: String] = [:]
    for line in text.split(separator: "\n") where line.hasPrefix("export ") {
      let pair = line.dropFirst(7).split(separator: "=", maxSplits: 1).map(String.init)
      guard pair.count == 2 else { continue }
      result[pair[0]] = pair[1]
      setenv(pair[0], pair[1], 1)
    }
    return result
  }

  /// `HPCTEST_NODE_ROOT`: the directory holding each node's own "local disk".
  static var nodeRoot: String { environment?["HPCTEST_NODE_ROOT"] ?? "/tmp" }
}
