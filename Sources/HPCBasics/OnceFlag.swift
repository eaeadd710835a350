import Synchronization

/// A flag that any thread sets once and any thread reads: a timer that fired, a job that gave up.
package final class OnceFlag: Sendable {
  private let state = Atomic<Bool>(false)

  /// Creates an unset flag.
  package init() {}

  /// Sets the flag (for good).
  package func set() { state.store(true, ordering: .relaxed) }

  /// Whether it has been set.
  package var isSet: Bool { state.load(ordering: .relaxed) }
}
