import TMTModel

extension Execution {
  /// The next test's directories and files, made on another thread while the current test runs: with one test
  /// after another, the harness's own file work then overlaps the test's process instead of adding to it. Only a
  /// test that will run is prepared (not one keeping an earlier result, nor one blocked by missing packages);
  /// when execution stops before it, what was made for it is removed again (`discard`).
  struct Ahead {
    /// What was made for a test: its run and its prepared directory (nil when it could not be made; the run then
    /// tries again and records the error).
    struct Made: Sendable {
      let run: TestRun
      let prepared: TestRun.Prepared?
    }

    let index: Int
    let task: Task<Made, Never>

    /// Starts preparing the test after `index`; nil when there is none or it will not run.
    init?(after index: Int, in execution: Execution, keep: [Int: TestResult?]) {
      let next = index + 1
      guard next < execution.tests.count else { return nil }
      let test = execution.tests[next]
      guard keep[test.serial] == nil, execution.blocked[test.serial] == nil else { return nil }
      let run = TestRun(context: execution.context, test: test)
      self.index = next
      task = Task.detached { Made(run: run, prepared: run.prepare()) }
    }

    /// What was made, when it was made for the test at `index`; otherwise it is removed and nil returned.
    func take(_ index: Int) async -> Made? {
      guard index == self.index else {
        await discard()
        return nil
      }
      return await task.value
    }

    /// Waits for the preparation and removes what it made (the test will not run).
    func discard() async {
      let made = await task.value
      if let prepared = made.prepared { made.run.discard(prepared) }
    }
  }
}
