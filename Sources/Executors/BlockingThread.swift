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
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    #if canImport(Glibc)
      var thread = pthread_t()
    #else
      var thread: pthread_t? = nil
    #endif
    let status = pthread_create(
      &thread, &attributes,
      { context in
        Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().body()
        return nil
      }, context)
    return status == 0
  }
}
