import UnixSignals

/// Runs work that the first SIGINT or SIGTERM cancels: the work's processes (tools, tests) are torn down through
/// task cancellation, as `hpctest run` does with the running test, and its result still comes back.
package enum Interruption {
  /// Runs `body`, cancelling it on the first SIGINT or SIGTERM (after calling `onSignal`); returns what `body`
  /// returned.
  package static func run<T: Sendable>(
    onSignal: @escaping @Sendable () -> Void = {}, _ body: @escaping @Sendable () async -> T
  ) async -> T {
    let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
    return await withTaskGroup(of: T?.self) { group in
      group.addTask { await body() }
      group.addTask {
        for await _ in signals { return nil }
        return nil
      }
      var value: T?
      while let next = await group.next() {
        if let next { value = next } else if value == nil { onSignal() }
        group.cancelAll()
      }
      return value!
    }
  }
}
