import HPCBasics
import Reporting

extension ResultsJournal {
  /// The results.yaml text the records describe, as the `ResultsBoard` composes it (per guest: its tests' entries
  /// in order, then the extra entries in the order they came); nil when there is nothing to replay: no records
  /// after the last `done`.
  static func replay(_ records: [Record]) -> String? {
    let open = records.lastIndex(of: .done).map { records[($0 + 1)...] } ?? records[...]
    guard !open.isEmpty else { return nil }
    var mains: [Int: [Int: String?]] = [:]
    var extras: [Int: [String]] = [:]
    for record in open {
      switch record {
      case .begin(let slot, let index, let entry): mains[slot, default: [:]][index] = entry
      case .finish(let slot, let index, let main, let more):
        mains[slot, default: [:]][index] = main
        if !more.isEmpty { extras[slot, default: []].append(more) }
      case .done: break
      }
    }
    let slots = Set(mains.keys).union(extras.keys).sorted()
    let entries = slots.flatMap { slot in
      (mains[slot] ?? [:]).sorted { $0.key < $1.key }.compactMap(\.value) + (extras[slot] ?? [])
    }
    return ResultsYAML.document(entries: entries)
  }

  /// After a crash or `kill -9` of the run that wrote `<executeDirectory>/results.journal` (no `done` record at
  /// its end): rebuilds results.yaml from the journal (written durably), then rewrites the journal as its intact
  /// records and a `done` (dropping a torn last record). True when results.yaml was rebuilt.
  @discardableResult
  static func recover(executeDirectory: String) -> Bool {
    let path = executeDirectory + "/" + fileName
    guard let bytes = FileSystem.readBytes(path), let records = decode(bytes), let text = replay(records) else {
      return false
    }
    guard FileSystem.writeAtomically(executeDirectory + "/results.yaml", text, durable: true) else { return false }
    let intact = (records + [.done]).flatMap(encode)
    FileSystem.writeAtomically(path, magic + String(decoding: intact, as: UTF8.self), durable: true)
    return true
  }

  /// Removes the journal of an earlier execute step (a new one is about to replace its results).
  static func discard(executeDirectory: String) {
    FileSystem.removeTree(executeDirectory + "/" + fileName)
  }
}
