import Glibc
import HPCBasics
import Testing

/// `kill -9` of the hpctest binary while a test runs that left its process group (`set -m` job, `setsid`): the
/// test's whole tree dies with hpctest (its supervisor notices within 100 ms), and the next `run --id` of the same
/// directory records the test `error` with the note "hpctest was killed", keeps the finished result and runs the
/// rest. Run once with cgroups (where writable) and once with the forced subreaper fallback.
@Suite struct KillNineTests {
  static func tree(in directory: String) -> String {
    let tree = directory + "/tree"
    FileSystem.makeDirectories(tree + "/.fmf")
    FileSystem.makeDirectories(tree + "/tests")
    FileSystem.write(tree + "/.fmf/version", "1\n")
    FileSystem.write(tree + "/plans.fmf", "discover:\n    how: fmf\nexecute:\n    how: tmt\n")
    let pids = directory + "/pids"
    FileSystem.write(
      tree + "/tests/main.fmf",
      """
      /first:
          test: echo first
      /slow:
          duration: 1m
          test: |
              set -m
              sleep 3000 &
              echo $! >> \(pids)
              set +m
              setsid sleep 3000 &
              echo $! >> \(pids)
              echo $$ >> \(pids)
              touch \(directory)/ready
              sleep 3000
      /last:
          test: echo last

      """)
    return tree
  }

  static func isAlive(_ pid: Int32) -> Bool {
    guard let stat = FileSystem.readText("/proc/\(pid)/stat"), let close = stat.lastIndex(of: ")") else { return false }
    let state = stat[close...].dropFirst(2).first
    return state != "Z" && state != "X"
  }

  static func waitUntil(seconds: Int, _ condition: () -> Bool) -> Bool {
    for _ in 0..<(seconds * 100) {
      if condition() { return true }
      usleep(10_000)
    }
    return condition()
  }

  @Test(arguments: ["cgroup", "subreaper"])
  func testTreeDiesWithHpctestAndResumeMarksIt(_ containment: String) throws {
    let directory = EndToEndTests.temporaryDirectory()
    let tree = Self.tree(in: directory)
    let arguments = ["--feeling-safe", "run", "--id", directory + "/run", "-a", "provision", "-h", "local"]
    let quoted = ([EndToEndTests.binary] + arguments).map { "'\($0)'" }.joined(separator: " ")
    let start =
      "(cd '\(tree)' && HPCTEST_CONTAINMENT=\(containment) exec \(quoted) >'\(directory)/log' 2>&1 </dev/null) & "
      + "echo $! > '\(directory)/hpctest.pid'"
    #expect(system(start) == 0)
    #expect(Self.waitUntil(seconds: 120) { FileSystem.exists(directory + "/ready") }, "the slow test started")
    let hpctest = try #require(Int32((FileSystem.readText(directory + "/hpctest.pid") ?? "").filter(\.isNumber)))
    let pids = (FileSystem.readText(directory + "/pids") ?? "").split(separator: "\n").compactMap { Int32($0) }
    #expect(pids.count == 3)
    kill(hpctest, SIGKILL)
    #expect(Self.waitUntil(seconds: 5) { pids.allSatisfy { !Self.isAlive($0) } }, "test processes outlived hpctest")
    let resumed = EndToEndTests.hpctest(arguments, in: tree, environment: ["HPCTEST_CONTAINMENT": containment])
    #expect(resumed.status == 2, "\(resumed.output)")
    let text = FileSystem.readText(directory + "/run/plans/execute/results.yaml") ?? ""
    let lines = text.split(separator: "\n")
    let names = lines.filter { $0.hasPrefix("  name: ") }.map { $0.dropFirst(8) }
    let outcomes = lines.filter { $0.hasPrefix("  result: ") }.map { $0.dropFirst(10) }
    let byName = Dictionary(zip(names.map(String.init), outcomes.map(String.init)), uniquingKeysWith: { a, _ in a })
    #expect(names.count == 3)
    #expect(byName == ["/tests/first": "pass", "/tests/slow": "error", "/tests/last": "pass"])
    #expect(text.contains("hpctest was killed"))
  }
}
