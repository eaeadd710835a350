import Checks
import Testing

/// The real tool runner (through Executors.LocalExecutor) on tools every Linux machine has.
@Suite struct ProcessToolRunnerTests {
  @Test func capturesOutputAndStatus() async {
    let outcome = await ProcessToolRunner().run(["sh", "-c", "echo out; echo err >&2; exit 3"], timeout: .seconds(120))
    #expect(outcome == .finished(status: 3, output: "out\nerr\n"))
  }

  @Test func missingToolIsNotFound() async {
    let outcome = await ProcessToolRunner().run(["hpctest-no-such-tool"], timeout: .seconds(120))
    #expect(outcome == .notFound("hpctest-no-such-tool not found on PATH"))
  }

  @Test func hungToolTimesOut() async {
    let outcome = await ProcessToolRunner().run(["sh", "-c", "echo started; exec sleep 30"], timeout: .seconds(1))
    #expect(outcome == .timedOut(output: "started\n"))
  }
}
