import HPCBasics
import Reporting
import Synchronization

/// results.yaml and its journal while the plan's guests run (several at once): each finished test is one record
/// appended to `results.journal` (O(1), so a `kill -9` loses no finished result), and results.yaml is rewritten
/// (write + rename) from every guest's rendered entries under one lock at most every `interval`, so the file
/// stays current for readers without costing O(n) bytes per test. The entries (`ResultsYAML.entry`: exact size)
/// are written part by part (never joined into one string). The plan writes the final file at the end.
final class ResultsBoard: Sendable {
  private struct Slot {
    var mains: [String?] = []
    var extras: [String] = []
  }

  private struct State {
    var slots: [Slot]
    var written: ContinuousClock.Instant
    var journal: FileSystem.Appender?
  }

  private let state: Mutex<State>
  private let interval: Duration
  private let sync: Bool
  private let write: Writer

  /// Writes results.yaml from the parts its argument hands out in order (see
  /// `FileSystem.writeAtomically(_:durable:parts:)`).
  typealias Writer = @Sendable (_ parts: ((String) -> Void) -> Void) -> Void

  /// A board for `guests` guests: a fresh journal at `journal`, results.yaml rewritten through `write` at most
  /// every `interval`; `sync` makes every journal record durable (`fdatasync`), not only the last.
  init(
    guests: Int, journal: String, interval: Duration = .seconds(2), sync: Bool = false, write: @escaping Writer
  ) {
    let appender = FileSystem.Appender(journal, truncate: true)
    appender?.append(Array(ResultsJournal.magic.utf8))
    state = Mutex(State(slots: Array(repeating: Slot(), count: guests), written: .now, journal: appender))
    self.interval = interval
    self.sync = sync
    self.write = write
  }

  /// The entries of guest `slot` as its execution begins (pending, or kept by `--failed-only`), in test order.
  func begin(slot: Int, entries: [String?]) {
    var bytes: [UInt8] = []
    for (index, entry) in entries.enumerated() {
      if let entry { bytes += ResultsJournal.encode(.begin(slot: slot, index: index, entry: entry)) }
    }
    state.withLock { state in
      state.slots[slot].mains = entries
      append(bytes, to: &state)
    }
  }

  /// Test `index` of guest `slot` finished with entry `main` (nil: none) and `extras` appended after the guest's
  /// tests: one journal record, and results.yaml when the last rewrite is `interval` old.
  func finish(slot: Int, index: Int, main: String?, extras: [String]) {
    let record = ResultsJournal.encode(.finish(slot: slot, index: index, main: main, extras: extras.joined()))
    state.withLock { state in
      state.slots[slot].mains[index] = main
      state.slots[slot].extras += extras
      append(record, to: &state)
      let now = ContinuousClock.now
      // Without a journal (it could not be opened) results.yaml is the only record: rewrite it every time.
      guard now - state.written >= interval || state.journal == nil else { return }
      state.written = now
      let slots = state.slots
      write { part in Self.document(slots, to: part) }
    }
  }

  /// `ResultsYAML.document(entries:)` of every guest's entries (its tests', then its extras), part by part.
  private static func document(_ slots: [Slot], to part: (String) -> Void) {
    var written = 0
    for slot in slots {
      for case let entry? in slot.mains {
        part(entry)
        written += 1
      }
      for entry in slot.extras { part(entry) }
      written += slot.extras.count
    }
    if written == 0 { part(ResultsYAML.document(entries: [])) }
  }

  /// The step is over and the plan wrote results.yaml: a `done` record, synced, so nothing is replayed.
  func close() {
    state.withLock { state in
      state.journal?.append(ResultsJournal.encode(.done))
      state.journal?.sync()
      state.journal = nil
    }
  }

  private func append(_ bytes: [UInt8], to state: inout State) {
    state.journal?.append(bytes)
    if sync { state.journal?.sync() }
  }
}
