import HPCBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Runs one blocking call (a wait for a process) on a thread of its own, so that it neither occupies nor wakes
/// Swift's cooperative pool while it sleeps: the caller is resumed once, when the call returns.
enum BlockingThread {
  /// `body`'s value, computed on a new detached thread (on the calling thread if none can be started).
  static func run<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
    await withCheckedContinuation { continuation in
      let job = Unmanaged.passRetained(Job { continuation.resume(returning: body()) })
      guard start(job.toOpaque()) else {
        job.takeRetainedValue().body()
        return
      }
    }
  }

  /// The closure a thread runs, passed through `pthread_create`'s context pointer.
  private final class Job: Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
  }

  /// Starts a detached thread running the retained `Job` at `context`; false when none could be started.
  private static func start(_ context: UnsafeMutableRawPointer) -> Bool {
    let thread = POSIXThread.start(context, detached: true) { context in
      Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().body()
      return nil
    }
    return thread != nil
  }
}
