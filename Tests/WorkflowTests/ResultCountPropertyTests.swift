import HPCBasics
import Reporting
import TMTModel
import Testing

@testable import Workflow

/// Property: whatever a test does (exit 0/1/2, crash with SIGSEGV, run past its duration, be interrupted by
/// Ctrl-C) and whatever its `result:` mode (respect, xfail, info, forced outcomes, custom with valid, invalid or
/// missing results, restraint with valid, invalid or no reports), every selected test gets exactly the results the
/// model below predicts — one, or the custom/restraint results it reported, or `pending` after an interrupt — and
/// the exit code is tmt's for those outcomes. Random mixes from a seeded generator (`HPCTEST_PROPERTY_SEED`).
@Suite struct ResultCountPropertyTests {
  static let iterations = 200
  static let parallel = 16

  @Test func everySelectedTestGetsTheResultsTheModelPredicts() async throws {
    let seed = UInt64(ProcessEnvironment.current()["HPCTEST_PROPERTY_SEED"] ?? "") ?? 0x5EED_0011
    var generator = SplitMix64(seed: seed)
    let scenarios = (0..<Self.iterations).map { _ in Scenario.random(using: &generator) }
    var failures: [String] = []
    for start in stride(from: 0, to: scenarios.count, by: Self.parallel) {
      let batch = Array(scenarios[start..<min(start + Self.parallel, scenarios.count)])
      failures += await withTaskGroup(of: String?.self) { group in
        for (offset, scenario) in batch.enumerated() {
          group.addTask { await Self.check(scenario, iteration: start + offset) }
        }
        var found: [String] = []
        for await failure in group { if let failure { found.append(failure) } }
        return found
      }
    }
    #expect(
      failures.isEmpty,
      "seed \(seed): \(failures.count) of \(Self.iterations) scenarios differ:\n\(failures.prefix(5).joined(separator: "\n"))"
    )
  }

  /// Runs one scenario; a description of the difference, or nil when results and exit code are as predicted.
  static func check(_ scenario: Scenario, iteration: Int) async -> String? {
    let harness = Harness()
    defer { FileSystem.removeTree(harness.workdirRoot) }
    let tests = scenario.cases.enumerated().map { index, item in item.test(index: index) }
    let task = Task { try await harness.run(tests) }
    if let stop = scenario.interruptAt {
      let started = harness.runDirectory + "/plans/execute/data/guest/default-0/tests/t\(stop)-\(stop + 1)/data/started"
      for _ in 0..<3000 where !FileSystem.exists(started) { try? await Task.sleep(for: .milliseconds(10)) }
      task.cancel()
    }
    guard let code = try? await task.value, let results = try? harness.results() else {
      return "#\(iteration): the run failed to produce results.yaml"
    }
    let actual = results.map { "\($0.name) \($0.result.rawValue)" }.sorted()
    let expected = scenario.expectedResults().map { "\($0.0) \($0.1.rawValue)" }.sorted()
    let expectedCode = Self.tmtExitCode(scenario.expectedResults().map(\.1), interrupted: scenario.interruptAt != nil)
    guard actual != expected || code != expectedCode else { return nil }
    return "#\(iteration) \(scenario): got \(actual) exit \(code), expected \(expected) exit \(expectedCode)"
  }

  /// tmt's exit code (RUN-NOTES §3): interrupted 1; else error 2, fail or warn 1, all skip 4, pending 2, none 3, 0.
  static func tmtExitCode(_ outcomes: [ResultOutcome], interrupted: Bool) -> Int32 {
    if interrupted { return 1 }
    if outcomes.isEmpty { return 3 }
    if outcomes.contains(.error) { return 2 }
    if outcomes.contains(.fail) || outcomes.contains(.warn) { return 1 }
    if outcomes.allSatisfy({ $0 == .skip }) { return 4 }
    if outcomes.contains(.pending) { return 2 }
    return 0
  }
}

/// A small, seeded, reproducible generator (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
