import HPCBasics
import Reporting
import TMTModel
import Testing

@testable import Workflow

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct InterruptTests {
  /// Cancelling the run (what SIGINT/SIGTERM do) tears down the running test's group, marks it error
  /// (interrupted), leaves the rest pending, writes results and reports, and exits 1.
  @Test func cancellationMarksRunningTestAndKeepsTheRestPending() async throws {
    let harness = Harness()
    let stubborn = """
      sh -c 'trap "" TERM; echo $$ > "$TMT_TEST_DATA/child"; while :; do sleep 1; done' &
      while [ ! -s "$TMT_TEST_DATA/child" ]; do sleep 0.01; done
      touch "$TMT_TEST_DATA/started"; wait
      """
    let tests = [
      Harness.test("/tests/a", "true"), Harness.test("/tests/b-stuck", stubborn), Harness.test("/tests/c", "true"),
    ]
    let task = Task { try await harness.run(tests, arguments: ["-a", "report", "-h", "junit", "--file", "j.xml"]) }
    let data = harness.runDirectory + "/plans/execute/data/guest/default-0/tests/b-stuck-2/data"
    for _ in 0..<1000 where !FileSystem.exists(data + "/started") { try await Task.sleep(for: .milliseconds(20)) }
    #expect(FileSystem.exists(data + "/started"))
    task.cancel()
    let code = try await task.value
    #expect(code == 1)
    let results = try harness.results()
    #expect(results.map(\.result) == [.pass, .error, .pending])
    #expect(results[1].check.map(\.name) == ["internal/interrupt"])
    #expect(results[1].check.first?.note == ["Test interrupted by signal"])
    let child = Int32(
      harness.read("plans/execute/data/guest/default-0/tests/b-stuck-2/data/child").filter(\.isNumber))!
    var gone = false
    for _ in 0..<200 {
      let stat = FileSystem.readText("/proc/\(child)/stat") ?? ""
      if stat.isEmpty || stat.contains(") Z") { gone = true; break }
      try await Task.sleep(for: .milliseconds(10))
    }
    #expect(gone, "the test's child ignoring SIGTERM is killed")
    #expect(FileSystem.readText(Path.absolute("j.xml"))?.contains("message=\"pending\"") == true)
    unlink(Path.absolute("j.xml"))
  }

  /// A test whose children leave its process group (`set -m`) and session (`setsid`) leaves nothing behind at its
  /// duration, on Ctrl-C, or when it exits normally.
  @Test(arguments: ["duration", "interrupt", "exit"])
  func escapedChildrenDoNotOutliveTheTest(_ ending: String) async throws {
    let harness = Harness()
    let script = """
      set -m; sleep 3000 & echo $! >> "$TMT_TEST_DATA/pids"; set +m
      setsid sleep 3000 & echo $! >> "$TMT_TEST_DATA/pids"
      while [ "$(wc -l < "$TMT_TEST_DATA/pids")" -lt 2 ]; do sleep 0.01; done
      touch "$TMT_TEST_DATA/started"
      \(ending == "exit" ? "exit 0" : "sleep 3000")
      """
    let test = Harness.test("/tests/escape", script, duration: ending == "duration" ? "2s" : "5m")
    let task = Task { try await harness.run([test]) }
    let data = harness.runDirectory + "/plans/execute/data/guest/default-0/tests/escape-1/data"
    for _ in 0..<1000 where !FileSystem.exists(data + "/started") { try await Task.sleep(for: .milliseconds(20)) }
    if ending == "interrupt" { task.cancel() }
    let code = try await task.value
    #expect(code == (ending == "exit" ? 0 : ending == "interrupt" ? 1 : 2))
    let pids = (FileSystem.readText(data + "/pids") ?? "").split(separator: "\n").compactMap { Int32($0) }
    #expect(pids.count == 2)
    for pid in pids {
      var gone = false
      for _ in 0..<200 {
        let stat = FileSystem.readText("/proc/\(pid)/stat") ?? ""
        if stat.isEmpty || stat.contains(") Z") {
          gone = true
          break
        }
        try await Task.sleep(for: .milliseconds(10))
      }
      #expect(gone, "pid \(pid) outlived the test (\(ending))")
    }
  }
}
