#if canImport(Glibc)
  import Glibc
#endif

/// Reads the framed output of a sweep (see `SlurmFrames`) from its UTF-8 bytes in one pass: the fields are found
/// by their tabs, a snapshot's lines are kept as byte ranges until its `end` frame, and only then copied into one
/// string per plan. Consecutive lines of the same node (the usual case) reuse its name and snapshot.
struct SlurmFrameReader {
  /// A snapshot being received: its number and, per plan, the byte ranges of its lines.
  private struct Snapshot {
    var seq: Int
    var plans: [(plan: String, lines: [Range<Int>])] = []
    /// Where the last line's plan name stands in the output.
    var lastPlan = 0..<0

    /// Adds a line of the plan named at `name` (made by `plan` only when it differs from the last line's, `same`).
    mutating func add(_ line: Range<Int>, name: Range<Int>, same: (Range<Int>) -> Bool, plan: () -> String) {
      if !plans.isEmpty, same(lastPlan) {
        plans[plans.count - 1].lines.append(line)
      } else {
        plans.append((plan(), [line]))
      }
      lastPlan = name
    }
  }

  let bytes: UnsafeBufferPointer<UInt8>
  /// What has been read so far.
  var frames = SlurmFrames()
  /// Snapshots being received, one slot per node (`slots[name]`), so a line costs no hashing.
  private var snapshots: [Snapshot?] = []
  private var slots: [String: Int] = [:]
  private var lastNode: (range: Range<Int>, name: String, slot: Int)?

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Reads every line.
  mutating func read() {
    guard let base = bytes.baseAddress else { return }
    var start = 0
    while start < bytes.count {
      let found = memchr(base + start, 0x0A, bytes.count - start)
      let end = found.map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) } ?? bytes.count
      line(start, end)
      start = end + 1
    }
  }

  /// True when the bytes at `range` are those at `other`.
  private static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ other: Range<Int>) -> Bool {
    guard range.count == other.count, let base = bytes.baseAddress else { return false }
    return memcmp(base + range.lowerBound, base + other.lowerBound, range.count) == 0
  }

  private static let marker = Array("@hpctest\t".utf8)

  private mutating func line(_ start: Int, _ end: Int) {
    var frame = start
    // srun's `--label` prefix: `  2: `.
    while frame < end, bytes[frame] == 0x20 || bytes[frame] == 0x3A || (0x30...0x39).contains(bytes[frame]) {
      frame += 1
    }
    guard end - frame > Self.marker.count,
      Self.marker.withUnsafeBytes({ memcmp(bytes.baseAddress! + frame, $0.baseAddress!, $0.count) }) == 0
    else {
      return frames.note(Substring(text(start..<end)))
    }
    // NODE, KIND (or SEQ), then up to two more fields; the last one runs to the line's end.
    var fields = Fields(start: frame + Self.marker.count, end: end)
    var position = fields.start
    while position < end, fields.count < 3 {
      if bytes[position] == 0x09 { fields.cut(at: position) }
      position += 1
    }
    guard fields.count >= 2 else { return }
    self.frame(fields)
  }

  /// Up to four fields of a frame: three cut at a tab, the rest of the line.
  struct Fields {
    var ranges: (Range<Int>, Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0, 0..<0)
    var count = 0
    var start: Int
    let end: Int

    init(start: Int, end: Int) {
      self.start = start
      self.end = end
    }

    mutating func cut(at tab: Int) {
      switch count {
      case 0: ranges.0 = start..<tab
      case 1: ranges.1 = start..<tab
      default: ranges.2 = start..<tab
      }
      count += 1
      start = tab + 1
    }

    /// Field `index`; the one after the last cut is the rest of the line.
    subscript(index: Int) -> Range<Int> {
      guard index < count else { return start..<end }
      switch index {
      case 0: return ranges.0
      case 1: return ranges.1
      default: return ranges.2
      }
    }

    /// How many fields there are, the rest of the line included.
    var total: Int { count + 1 }
  }

  private mutating func frame(_ fields: Fields) {
    let (node, slot) = name(fields[0])
    if node == "-" { return job(fields) }
    guard fields.total >= 3 else { return }
    if let seq = number(fields[1]) { return snapshot(node, slot: slot, seq: seq, fields: fields) }
    let rest = text(fields[2].lowerBound..<end(fields))
    switch text(fields[1]) {
    case "done": frames.nodes[node]?.exitCode = Int32(rest.prefix { $0 != "\t" }) ?? 2
    case "fail": frames.nodes[node]?.failure = rest
    case "reason" where fields.total == 4:
      let parts = text(fields[3]).split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
      let key = text(fields[2]) + "\t" + parts[0]
      frames.nodes[node]?.reasons[key] = parts.count > 1 ? String(parts[1]) : ""
    default: break
    }
  }

  private func end(_ fields: Fields) -> Int { fields[fields.total - 1].upperBound }

  private mutating func job(_ fields: Fields) {
    guard fields.total >= 3, text(fields[1]) == "job" else { return }
    let rest = text(fields[2].lowerBound..<end(fields)).split(separator: "\t", maxSplits: 1)
    frames.jobID = rest.first.map(String.init)
    frames.nodeList = rest.count > 1 ? String(rest[1]) : nil
  }

  /// One line of snapshot `seq` (`/PLAN<TAB>LINE`) or its end (`end`): a complete snapshot replaces the node's plans.
  private mutating func snapshot(_ node: String, slot: Int, seq: Int, fields: Fields) {
    if fields.total == 3 {
      guard text(fields[2]) == "end", let done = snapshots[slot], done.seq == seq else { return }
      snapshots[slot] = nil
      let plans = done.plans.map { ($0.plan, joined($0.lines)) }
      frames.nodes[node]?.plans = plans
      return
    }
    if snapshots[slot]?.seq != seq { snapshots[slot] = Snapshot(seq: seq) }
    let (plan, bytes) = (fields[2], bytes)
    // Changed in place: a copy per line would copy the whole snapshot each time.
    snapshots[slot]?.add(
      fields[3], name: plan, same: { Self.same(bytes, $0, plan) },
      plan: { String(decoding: UnsafeBufferPointer(rebasing: bytes[plan]), as: UTF8.self) })
  }

  /// The node name of a frame and its slot, reusing the previous line's when the bytes are the same.
  private mutating func name(_ range: Range<Int>) -> (String, Int) {
    if let lastNode, Self.same(bytes, lastNode.range, range) {
      return (lastNode.name, lastNode.slot)
    }
    let name = text(range)
    let slot = slots[name] ?? snapshots.count
    if slot == snapshots.count {
      slots[name] = slot
      snapshots.append(nil)
      if name != "-" { frames.touch(name) }
    }
    lastNode = (range, name, slot)
    return (name, slot)
  }

  private func number(_ range: Range<Int>) -> Int? {
    guard !range.isEmpty, range.count < 18, bytes[range].allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
    return bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
  }

  private func text(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  /// The lines at `ranges`, each ending with a line break.
  private func joined(_ ranges: [Range<Int>]) -> String {
    let total = ranges.reduce(0) { $0 + $1.count + 1 }
    return String(unsafeUninitializedCapacity: total) { buffer in
      var position = 0
      for range in ranges {
        _ = UnsafeMutableBufferPointer(rebasing: buffer[position..<position + range.count])
          .initialize(from: bytes[range])
        position += range.count
        buffer[position] = 0x0A
        position += 1
      }
      return position
    }
  }
}
