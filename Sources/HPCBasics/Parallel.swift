import Dispatch

/// Runs independent pieces of work side by side: loading a metadata tree parses hundreds of small files and
/// normalises hundreds of tests that do not depend on each other.
package enum Parallel {
  /// `transform` of every item, in the items' order, computed on up to one thread per CPU (the caller's thread
  /// included). Each result is written to its own slot, so the result does not depend on the scheduling.
  package static func map<Item: Sendable, Result: Sendable>(
    _ items: [Item], _ transform: @Sendable (Item) -> Result
  ) -> [Result] {
    guard items.count > 1 else { return items.map(transform) }
    return [Result](unsafeUninitializedCapacity: items.count) { buffer, initialized in
      let slots = ResultSlots(base: buffer.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: items.count) { index in
        slots.base.advanced(by: index).initialize(to: transform(items[index]))
      }
      initialized = items.count
    }
  }
}

/// The result buffer of one `Parallel.map`: iteration `i` initializes slot `i` only, and the buffer is read after
/// `concurrentPerform` returns, so no two threads touch the same memory.
private struct ResultSlots<Value>: @unchecked Sendable {
  let base: UnsafeMutablePointer<Value>
}
