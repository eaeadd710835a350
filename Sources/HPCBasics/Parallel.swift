import Dispatch

/// Runs independent work side by side on every CPU: a large node's probe (~8,000 small sysfs reads, which the
/// kernel serves on every CPU at once) and a Slurm sweep's merge (reading and writing one results.yaml per node).
package enum Parallel {
  /// `transform` of every item, in the items' order, computed on up to one thread per CPU (the caller's thread
  /// included). Each result is written to its own slot.
  package static func map<Item: Sendable, Result: Sendable>(
    _ items: [Item], _ transform: @Sendable (Item) -> Result
  ) -> [Result] {
    guard items.count > 1 else { return items.map(transform) }
    return [Result](unsafeUninitializedCapacity: items.count) { buffer, initialized in
      let slots = Slots(base: buffer.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: items.count) { index in
        slots.base.advanced(by: index).initialize(to: transform(items[index]))
      }
      initialized = items.count
    }
  }
}

/// The result buffer of one `Parallel.map`: iteration `i` initializes slot `i` only, and the buffer is read after
/// `concurrentPerform` returns, so no two threads touch the same memory.
private struct Slots<Value>: @unchecked Sendable {
  let base: UnsafeMutablePointer<Value>
}
