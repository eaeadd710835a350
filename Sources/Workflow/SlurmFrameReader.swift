#if canImport(Glibc)
  import Glibc
#endif

/// Scans one chunk of a sweep's framed output (see `SlurmFrames`) in one pass over its UTF-8 bytes, the part of
/// reading that costs: fields found by their tabs, consecutive lines of the same node, snapshot and plan (the usual
/// case) gathered as byte ranges into one `Op`. Every other line (`end`, `done`, `fail`, `reason`, `job`, a
/// scheduler message) becomes an `Op` of its own, read in order afterwards by `SlurmFrameReplay`. Chunks are
/// independent, so they are scanned on every core; replaying their ops in chunk order gives what one pass over the
/// whole output gives.
struct SlurmFrameReader {
  /// Consecutive lines of one snapshot (`lines`), or one other line (`other`) to read in order.
  struct Op: Sendable {
    /// The node, snapshot and plan of `lines`.
    var node = ""
    var seq = 0
    var plan = ""
    /// The byte ranges of the lines (each without its line break).
    var lines: [Range<Int>] = []
    /// A line that is not a snapshot line: the replay reads it.
    var other: Range<Int>?
  }

  let bytes: UnsafeBufferPointer<UInt8>
  /// What the chunk holds, in order.
  private(set) var ops: [Op] = []
  /// Where the last op's node and plan stand and its seq, while the last op is a run of snapshot lines.
  private var open: (node: Range<Int>, seq: Int, plan: Range<Int>)?
  /// The last node name made, reused while the bytes are the same.
  private var lastNode: (range: Range<Int>, name: String)?

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// `count` ranges (fewer for a short output) that cover the bytes, each ending after a line break or at the end.
  static func chunks(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [Range<Int>] {
    guard let base = bytes.baseAddress, count > 1 else { return [0..<bytes.count] }
    var ranges: [Range<Int>] = []
    var start = 0
    for index in 1...count {
      var end = index == count ? bytes.count : bytes.count * index / count
      if end > start, end < bytes.count {
        let found = memchr(base + end - 1, 0x0A, bytes.count - end + 1)
        end = found.map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) + 1 } ?? bytes.count
      }
      if end > start {
        ranges.append(start..<end)
        start = end
      }
    }
    return ranges
  }

  /// Scans every line in `range` (which starts at a line's start).
  mutating func read(_ range: Range<Int>) {
    guard let base = bytes.baseAddress else { return }
    var start = range.lowerBound
    while start < range.upperBound {
      let found = memchr(base + start, 0x0A, range.upperBound - start)
      let end = found.map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) } ?? range.upperBound
      line(start, end)
      start = end + 1
    }
  }

  /// A snapshot line (`@hpctest NODE SEQ /PLAN LINE`, NODE not `-`) joins the open run or starts one.
  private mutating func line(_ start: Int, _ end: Int) {
    guard let fields = SlurmFrameLine.fields(bytes, start, end), fields.total == 4,
      let seq = SlurmFrameLine.number(bytes, fields[1]),
      fields[0].count != 1 || bytes[fields[0].lowerBound] != 0x2D
    else {
      open = nil
      ops.append(Op(other: start..<end))
      return
    }
    let (node, plan) = (fields[0], fields[2])
    if let open, open.seq == seq, SlurmFrameLine.same(bytes, open.node, node),
      SlurmFrameLine.same(bytes, open.plan, plan)
    {
      // Changed in place: a copy of the op per line would copy its lines each time.
      ops[ops.count - 1].lines.append(fields[3])
      return
    }
    ops.append(Op(node: name(node), seq: seq, plan: SlurmFrameLine.text(bytes, plan), lines: [fields[3]]))
    open = (node, seq, plan)
  }

  /// The node name at `range`, reusing the last one made when the bytes are the same.
  private mutating func name(_ range: Range<Int>) -> String {
    if let lastNode, SlurmFrameLine.same(bytes, lastNode.range, range) { return lastNode.name }
    let name = SlurmFrameLine.text(bytes, range)
    lastNode = (range, name)
    return name
  }
}
