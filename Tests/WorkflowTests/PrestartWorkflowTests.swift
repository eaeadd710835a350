import HPCBasics
import TMTModel
import Testing

@testable import Workflow

/// While a test runs, the next one's supervisor is started and waits (`Execution.AheadWindow.prestart`): the next
/// test starts with one write. Its invocation is built again when it runs and the waiting start used only when it is
/// the same, so variables an earlier test wrote to `TMT_PLAN_ENVIRONMENT_FILE` meanwhile still reach it; when
/// execution stops first, the waiting supervisor ends without starting it.
@Suite struct PrestartWorkflowTests {
  /// A shell line counting the processes whose command line holds `marker` (the waiting guard's argv has the test's
  /// whole script), written to `file`. Test a waits (up to 30 s: the preparation runs on Swift's shared pool, late
  /// on a loaded machine) until test b's supervisor waits, then writes the variable test b must see.
  static func count(_ marker: String, to file: String) -> String {
    "ps -eo args | grep -c '[\(marker.prefix(1))]\(marker.dropFirst())' > '\(file)' || true"
  }

  @Test func nextTestWaitsAndSeesVariablesWrittenMeanwhile() async throws {
    let harness = Harness()
    let marker = "prestart-marker-\(UInt32.random(in: 0...UInt32.max))"
    let first = Harness.test(
      "/tests/a",
      """
      for i in $(seq 600); do
        \(Self.count(marker, to: harness.workdirRoot + "/waiting"))
        [ "$(cat '\(harness.workdirRoot)/waiting')" -ge 1 ] && break
        sleep 0.05
      done
      echo "late=written-after-the-next-test-was-prepared" >> "$TMT_PLAN_ENVIRONMENT_FILE"
      """)
    let second = Harness.test("/tests/b", "echo \"\(marker) late=${late:-unset}\"")
    #expect(try await harness.run([first, second]) == 0)
    let waiting = Int(harness.read("../waiting").filter(\.isNumber)) ?? 0
    #expect(waiting >= 1, "test b's supervisor (and its program's child) waited while test a ran")
    let output = harness.read("plans/execute/data/guest/default-0/tests/b-2/output.txt")
    #expect(output == "\(marker) late=written-after-the-next-test-was-prepared\n")
    #expect(try harness.results().map(\.result) == [.pass, .pass])
  }

  @Test func aStopEndsTheWaitingSupervisor() async throws {
    let harness = Harness()
    let marker = "prestart-stop-\(UInt32.random(in: 0...UInt32.max))"
    let first = Harness.test("/tests/a", "sleep 0.3; exit 1")
    let second = Harness.test("/tests/b", "echo \(marker)")
    #expect(try await harness.run([first, second], arguments: ["execute", "--exit-first"]) == 1)
    #expect(try harness.results().map(\.result) == [.fail, .pending])
    #expect(!FileSystem.exists(harness.runDirectory + "/plans/execute/data/guest/default-0/tests/b-2"))
    let left = try await ProcessCount.matching(marker)
    #expect(left == 0, "no supervisor of test b is left")
  }
}

/// Processes whose command line holds a text (`/proc/<pid>/cmdline`).
enum ProcessCount {
  static func matching(_ text: String) async throws -> Int {
    var count = 0
    for name in FileSystem.list("/proc") ?? [] where Int32(name) != nil {
      guard let bytes = FileSystem.readBytes("/proc/\(name)/cmdline") else { continue }
      if String(decoding: bytes.map { $0 == 0 ? 32 : $0 }, as: UTF8.self).contains(text) { count += 1 }
    }
    return count
  }
}
