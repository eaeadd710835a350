import HPCBasics

/// `<plan>/execute/results.journal`: the execute step's append-only record of results, one framed record per
/// finished test (one `write(2)`, O(1) whatever the run's size), so a `kill -9` at any moment loses no finished
/// result while results.yaml is rewritten only every few seconds. The records hold the rendered results.yaml
/// entries; replaying them gives the text the `ResultsBoard` would have written. A record is a header line
/// `KIND SLOT INDEX SPLIT LENGTH CHECKSUM` and `LENGTH` payload bytes (FNV-1a 32 of the payload as the checksum);
/// reading stops at the first torn or corrupt record, which can only be the last one written.
enum ResultsJournal {
  /// The file name in the execute directory.
  static let fileName = "results.journal"
  /// The first line of every journal.
  static let magic = "hpctest results journal 1\n"

  /// One record.
  enum Record: Equatable {
    /// The entry of test `index` of guest `slot` when the step began (pending, or kept by `--failed-only`).
    case begin(slot: Int, index: Int, entry: String)
    /// Test `index` of guest `slot` finished: its entry (nil: none, as for `result: restraint`) and the extra
    /// entries it adds at the end of the guest's list.
    case finish(slot: Int, index: Int, main: String?, extras: String)
    /// The step ended and results.yaml was written from memory: nothing to replay.
    case done
  }

  /// The bytes of `record`, header and payload.
  static func encode(_ record: Record) -> [UInt8] {
    let (kind, slot, index, split, payload): (String, Int, Int, Int, [UInt8])
    switch record {
    case .begin(let s, let i, let entry): (kind, slot, index, split, payload) = ("B", s, i, 0, Array(entry.utf8))
    case .finish(let s, let i, let main, let extras):
      let head = Array((main ?? "").utf8)
      (kind, slot, index, split, payload) = ("F", s, i, main == nil ? -1 : head.count, head + Array(extras.utf8))
    case .done: (kind, slot, index, split, payload) = ("D", 0, 0, 0, [])
    }
    let header = "\(kind) \(slot) \(index) \(split) \(payload.count) \(checksum(payload))\n"
    return Array(header.utf8) + payload
  }

  /// The records of a journal's bytes, up to the first torn or corrupt one; nil when `bytes` is not a journal.
  static func decode(_ bytes: [UInt8]) -> [Record]? {
    let magicBytes = Array(magic.utf8)
    guard bytes.starts(with: magicBytes) else { return nil }
    var records: [Record] = []
    var offset = magicBytes.count
    while let (record, next) = decodeOne(bytes, at: offset) {
      records.append(record)
      offset = next
    }
    return records
  }

  private static func decodeOne(_ bytes: [UInt8], at offset: Int) -> (Record, Int)? {
    guard let newline = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
    let fields = String(decoding: bytes[offset..<newline], as: UTF8.self).split(separator: " ")
    guard fields.count == 6, let slot = Int(fields[1]), let index = Int(fields[2]), let split = Int(fields[3]),
      let length = Int(fields[4]), length >= 0, split <= length, length <= bytes.count - newline - 1
    else { return nil }
    let payload = Array(bytes[(newline + 1)..<(newline + 1 + length)])
    guard fields[5] == Substring(String(checksum(payload))) else { return nil }
    let next = newline + 1 + length
    switch fields[0] {
    case "B": return (.begin(slot: slot, index: index, entry: text(payload[...])), next)
    case "F":
      let main = split < 0 ? nil : text(payload[..<split])
      return (.finish(slot: slot, index: index, main: main, extras: text(payload[max(0, split)...])), next)
    case "D": return (.done, next)
    default: return nil
    }
  }

  private static func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

  /// FNV-1a, 32 bits.
  static func checksum(_ bytes: [UInt8]) -> UInt32 {
    var hash: UInt32 = 2_166_136_261
    for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
    return hash
  }
}
