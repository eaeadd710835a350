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
      var prepared: TestRun.Prepared?
    }

    let task: Task<Made, Never>

    private init(task: Task<Made, Never>) { self.task = task }

    /// This preparation followed by the test's start prepared by the executor (`TestRun.prestarting`): done for the
    /// next test only, while the current one runs.
    func prestarting() -> Ahead {
      let made = task
      return Ahead(
        task: Task.detached {
          var ready = await made.value
          ready.prepared = ready.prepared.map(ready.run.prestarting)
          return ready
        })
    }

    /// Starts preparing the test at `index`; nil when there is none or it will not run.
    init?(_ index: Int, in execution: Execution, keep: [Int: TestResult?]) {
      guard index < execution.tests.count else { return nil }
      let test = execution.tests[index]
      guard keep[test.serial] == nil, execution.blocked[test.serial] == nil else { return nil }
      let run = TestRun(context: execution.context, test: test)
      task = Task.detached { Made(run: run, prepared: run.prepare()) }
    }

    /// Waits for the preparation and removes what it made (the test will not run).
    func discard() async {
      let made = await task.value
      if let prepared = made.prepared { await made.run.discard(prepared) }
    }
  }

  /// The tests prepared ahead: up to `depth` after the one running. One test ahead would be enough if making files
  /// took its usual tens of microseconds, but on a busy or writing-back file system one directory now and then takes
  /// tens of milliseconds; a window of tests absorbs that instead of the next test waiting for it.
  struct AheadWindow {
    /// How many tests after the running one are prepared.
    static let depth = 16
    /// At most this many preparations start after each test, so a long run does not start with `depth` at once.
    static let perTest = 2

    private var pending: [Int: Ahead] = [:]
    private var next = 0

    /// What was made for the test at `index`, about to run, when it was prepared (nil: the run makes it); the
    /// window then moves on past it and the next test's start is prepared too.
    mutating func advance(to index: Int, in execution: Execution, keep: [Int: TestResult?]) async -> Ahead.Made? {
      let made = await pending.removeValue(forKey: index)?.task.value
      fill(after: index, in: execution, keep: keep)
      prestart(index + 1)
      return made
    }

    /// Starts preparing the tests after `index`, up to the window's depth.
    private mutating func fill(after index: Int, in execution: Execution, keep: [Int: TestResult?]) {
      next = max(next, index + 1)
      let end = min(index + 1 + Self.depth, execution.tests.count)
      var started = 0
      while next < end && started < Self.perTest {
        if let ahead = Ahead(next, in: execution, keep: keep) {
          pending[next] = ahead
          started += 1
        }
        next += 1
      }
    }

    /// Prepares the start of the test at `index` too, once its files are made (`Ahead.prestarting`).
    private mutating func prestart(_ index: Int) {
      if let ahead = pending[index] { pending[index] = ahead.prestarting() }
    }

    /// Removes what was made for every test that will not run after all.
    func discard() async {
      for ahead in pending.values { await ahead.discard() }
    }
  }
}
