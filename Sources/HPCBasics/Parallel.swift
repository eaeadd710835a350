import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Runs independent work side by side on every CPU: a large node's probe (~8,000 small sysfs reads, which the
/// kernel serves on every CPU at once), the metadata loader's file parsing and a Slurm sweep's merge (reading and
/// writing one results.yaml per node). Plain POSIX threads (no Dispatch: HPCBasics stays on the standard library).
package enum Parallel {
  /// `transform` of every item, in the items' order, computed on up to one thread per CPU (the caller's thread
  /// included; the others are started for this call and joined before it returns). Each result is written to its
  /// own slot, and the threads take the next item from one shared counter, so uneven items even out.
  package static func map<Item: Sendable, Result: Sendable>(
    _ items: [Item], _ transform: @Sendable (Item) -> Result
  ) -> [Result] {
    let helpers = min(items.count, processors) - 1
    guard helpers > 0 else { return items.map(transform) }
    return withoutActuallyEscaping(transform) { transform in
      [Result](unsafeUninitializedCapacity: items.count) { buffer, initialized in
        let base = buffer.baseAddress!
        let work = Work(count: items.count) { base.advanced(by: $0).initialize(to: transform(items[$0])) }
        let threads = (0..<helpers).compactMap { _ in work.start() }
        work.drain()
        for thread in threads { pthread_join(thread, nil) }
        initialized = items.count
      }
    }
  }

  /// The CPUs online (at least 1).
  static var processors: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}

/// One `Parallel.map` call's items, handed out by index: each index is taken exactly once (an atomic counter), so
/// each slot is written by one thread only, and the caller reads the slots after joining every thread.
private final class Work: @unchecked Sendable {
  let next = Atomic<Int>(0)
  let count: Int
  let body: (Int) -> Void

  init(count: Int, body: @escaping (Int) -> Void) {
    self.count = count
    self.body = body
  }

  /// Runs items until none is left.
  func drain() {
    while true {
      let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
      guard index < count else { return }
      body(index)
    }
  }

  /// A new joinable thread running `drain`; nil when none can be started (the others then do its share).
  func start() -> pthread_t? {
    let context = Unmanaged.passRetained(self).toOpaque()
    let thread = POSIXThread.start(context, detached: false) { context in
      Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().drain()
      return nil
    }
    if thread == nil { Unmanaged<Work>.fromOpaque(context).release() }
    return thread
  }
}
