/// NHC's watchdog for `hpctest health`: the work runs in an unstructured task raced against a timer, so a sysfs
/// read or a tool that hangs cannot hold the command past its limit (the hung task is abandoned; the process exits).
enum HealthWatchdog {
  /// How the race ended.
  enum Outcome: Sendable, Equatable {
    /// The work finished with this exit code.
    case finished(Int32)
    /// The limit passed first.
    case timedOut
  }

  /// Runs `work`, or gives up after `seconds`.
  static func race(seconds: Int, _ work: @escaping @Sendable () async -> Int32) async -> Outcome {
    let (stream, continuation) = AsyncStream<Outcome>.makeStream()
    let worker = Task {
      continuation.yield(.finished(await work()))
    }
    let timer = Task {
      try? await Task.sleep(for: .seconds(max(1, seconds)))
      continuation.yield(.timedOut)
    }
    var outcome = Outcome.timedOut
    for await first in stream {
      outcome = first
      break
    }
    timer.cancel()
    if outcome == .timedOut { worker.cancel() }
    return outcome
  }
}
