import Executors
import HPCBasics
import Reporting
import TMTModel
import Testing

@testable import Workflow

/// A run hpctest was killed in (`kill -9`: its `running` markers, the run's and the guest's naming a test, hold a
/// pid that is gone): the next run of the same directory records that test `error` ("hpctest was killed"), keeps
/// every finished result as it was and runs only the tests still pending; `report` alone records the error too.
/// Markers of a live hpctest are not stale: the directory is run again as usual.
@Suite struct KilledRunTests {
  static let marker = "plans/execute/data/guest/default-0/running"

  /// Runs a, b, c once, then makes the results look as if hpctest was killed while b ran (pid `owner`).
  static func killedRun(_ harness: Harness, owner: Int32, startTime: UInt64) async throws -> [TMTTest] {
    let log = harness.workdirRoot + "/ran"
    let snapshot = "cp \"$TMT_PLAN_DATA/../execute/results.yaml\" '\(harness.workdirRoot)/during'"
    let tests = ["a", "b", "c"].map { Harness.test("/tests/\($0)", "echo \($0) >> '\(log)'; \(snapshot)") }
    #expect(try await harness.run(tests) == 0)
    var results = try harness.results()
    for index in 1...2 {
      results[index] = .pending(name: results[index].name, serialNumber: index + 1, guest: results[index].guest)
    }
    FileSystem.writeAtomically(harness.runDirectory + "/plans/execute/results.yaml", ResultsYAML.render(results))
    let marker = "pid: \(owner)\nstart-time: \(startTime)\nguest: default-0\nserial-number: 2\nname: /tests/b\n"
    FileSystem.write(harness.runDirectory + "/" + Self.marker, marker)
    FileSystem.write(harness.runDirectory + "/running", "pid: \(owner)\nstart-time: \(startTime)\nguest: \n")
    return tests
  }

  @Test func resumeMarksTheKilledTestKeepsFinishedResultsAndRunsTheRest() async throws {
    let harness = Harness()
    let tests = try await Self.killedRun(harness, owner: Int32.max - 3, startTime: 1)
    let before = try harness.results()
    let code = try await harness.run(tests)
    let after = try harness.results()
    #expect(after.map(\.result) == [.pass, .error, .pass])
    #expect(after[1].note == ["hpctest was killed"])
    #expect(after[0] == before[0], "the finished result is kept as it was, not run again")
    let during = try ResultsYAML.read(harness.read("../during"), file: "during")
    #expect(during.map(\.result) == [.pass, .error, .pending], "while c runs, results.yaml keeps a and b")
    #expect(harness.read("../ran").split(separator: "\n") == ["a", "b", "c", "c"])
    #expect(code == 2)
    #expect(!FileSystem.exists(harness.runDirectory + "/" + Self.marker))
  }

  @Test func reportAloneMarksTheKilledTest() async throws {
    let harness = Harness()
    let tests = try await Self.killedRun(harness, owner: Int32.max - 3, startTime: 1)
    let code = try await harness.run(tests, arguments: ["report"])
    let after = try harness.results()
    #expect(after.map(\.result) == [.pass, .error, .pending])
    #expect(after[1].note == ["hpctest was killed"])
    #expect(code == 2)
  }

  @Test func markerOfARunningHpctestIsNotStale() async throws {
    let harness = Harness()
    let pid = ProcessControl.ownPID
    let tests = try await Self.killedRun(
      harness, owner: pid, startTime: try #require(ProcessControl.startTime(of: pid)))
    _ = try await harness.run(tests)
    #expect(try harness.results().map(\.result) == [.pass, .pass, .pass], "not resumed: every test ran again")
    #expect(harness.read("../ran").split(separator: "\n") == ["a", "b", "c", "a", "b", "c"])
  }
}
