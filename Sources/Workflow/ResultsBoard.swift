import Reporting
import Synchronization

/// results.yaml while several guests run at once: each guest's execution replaces its own slot of rendered
/// entries, and the file is rewritten (write + rename) from all slots under one lock, so concurrent guests never
/// lose each other's results.
final class ResultsBoard: Sendable {
  private let slots: Mutex<[[String]]>
  private let write: @Sendable (String) -> Void

  /// A board for `guests` guests writing through `write`.
  init(guests: Int, write: @escaping @Sendable (String) -> Void) {
    slots = Mutex(Array(repeating: [], count: guests))
    self.write = write
  }

  /// Replaces the rendered entries of guest `slot` and rewrites the file.
  func update(slot: Int, entries: [String]) {
    slots.withLock { slots in
      slots[slot] = entries
      write(ResultsYAML.document(entries: slots.flatMap { $0 }))
    }
  }
}
