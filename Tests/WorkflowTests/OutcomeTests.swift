import HPCBasics
import Reporting
import TMTModel
import Testing

@testable import Workflow

@Suite struct OutcomeTests {
  static let basic = [
    Harness.test("/tests/error", "echo exit two; exit 2"),
    Harness.test("/tests/fail", "echo about to fail; exit 1"),
    Harness.test("/tests/info", "exit 1", result: "info"),
    Harness.test("/tests/pass", "echo hello stdout; echo hello stderr >&2"),
    Harness.test("/tests/skip", "tmt-report-result /sub-skip SKIP"),
    Harness.test("/tests/timeout", "echo start; sleep 30", duration: "1s"),
    Harness.test("/tests/warn", "tmt-report-result /sub-warn WARN"),
    Harness.test("/tests/xfail", "exit 1", result: "xfail"),
  ]

  @Test func everyBasicOutcome() async throws {
    let harness = Harness()
    let code = try await harness.run(Self.basic)
    #expect(code == 2)
    let results = try harness.results()
    #expect(results.map(\.name) == Self.basic.map(\.name))
    #expect(results.map(\.serialNumber) == Array(1...8))
    #expect(results.map(\.result) == [.error, .fail, .info, .pass, .skip, .error, .warn, .pass])
    #expect(results[2].note == ["test result overridden: info", "original test result: fail"])
    #expect(results[7].note == ["test failed as expected", "original test result: fail"])
    #expect(results[4].subresult.map(\.name) == ["/sub-skip"])
    let timeout = results[5]
    #expect(timeout.note == [])
    #expect(timeout.check.map(\.name) == ["internal/timeout"])
    #expect(timeout.check.first?.note == ["Test exceeded maximum duration of 1s"])
    #expect(harness.read("plans/execute/" + timeout.log[0]).hasSuffix(ResultInterpretation.timeoutHint("1s")))
    #expect(
      results[3].log == [
        "data/guest/default-0/tests/pass-4/output.txt", "data/guest/default-0/tests/pass-4/failures.yaml",
      ])
    #expect(harness.read("plans/execute/" + results[3].log[0]) == "hello stdout\nhello stderr\n")
    #expect(harness.read("plans/execute/" + results[1].log[1]) == "- about to fail\n")
    let total = harness.lines.all.last
    #expect(total == "total: 2 tests passed, 1 test failed, 1 test skipped, 1 info, 1 warn and 2 errors")
    // The duration in front depends on the machine's load: it is normalised, the rest of the line is tmt's.
    #expect(harness.lines.normalised.contains("            HH:MM:SS errr /tests/error (on default-0) [1/8]"))
    #expect(harness.lines.normalised.contains("            HH:MM:SS pass /tests/pass (on default-0) [4/8]"))
    #expect(harness.lines.normalised.contains("                HH:MM:SS fail internal/timeout (after-test check)"))
  }

  @Test func grandchildIgnoringTermDoesNotHang() async throws {
    let harness = Harness()
    let script = "sh -c 'trap \"\" TERM; echo $$ > \"$TMT_TEST_DATA/pid\"; while :; do sleep 1; done' & wait"
    let code = try await harness.run([Harness.test("/tests/stubborn", script, duration: "1s")])
    #expect(code == 2)
    let result = try #require(try harness.result("/tests/stubborn"))
    #expect(result.result == .error)
    #expect(result.check.first?.name == "internal/timeout")
  }

  @Test func leftoverChildDoesNotHangPassingTest() async throws {
    let harness = Harness()
    let code = try await harness.run([Harness.test("/tests/bg", "sleep 1000 & echo started")])
    #expect(code == 0)
    #expect(try harness.result("/tests/bg")?.result == .pass)
  }

  @Test func exitCodesMapToOutcomes() async throws {
    let harness = Harness()
    let tests =
      [0, 1, 2, 124, 127].map { Harness.test("/tests/e\($0)", "exit \($0)") }
      + [Harness.test("/tests/pipefail", "false | true")]
    _ = try await harness.run(tests)
    let outcomes = try harness.results().map(\.result)
    #expect(outcomes == [.pass, .fail, .error, .error, .error, .fail])
    #expect(try harness.result("/tests/e124")?.check.first?.note == ["Test exceeded maximum duration of 5m"])
  }
}
