#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// POSIX threads started with a retained object as their context: `Parallel.map`'s workers and the executors'
/// blocking waits (`BlockingThread`).
package enum POSIXThread {
  /// A new thread running `entry(context)`, joinable (returned for `pthread_join`) or `detached`; nil when none can
  /// be started (the caller then still owns `context`).
  package static func start(
    _ context: UnsafeMutableRawPointer, detached: Bool,
    _ entry: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer?
  ) -> pthread_t? {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    if detached { pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED)) }
    #if canImport(Glibc)
      var thread = pthread_t()
    #else
      var thread: pthread_t? = nil
    #endif
    return pthread_create(&thread, &attributes, entry, context) == 0 ? thread : nil
  }
}
