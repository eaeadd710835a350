import HPCBasics

/// Reads the ops of a sweep's scanned chunks (`SlurmFrameReader`) in order into `SlurmFrames`: runs of snapshot
/// lines are added to the node's snapshot being received, and every other line is read here as one pass over the
/// whole output would read it. A snapshot counts once its `end` frame came (a node killed while printing keeps
/// its previous state); its text is copied out of the output only at the end, one node per core.
struct SlurmFrameReplay {
  /// A snapshot being received or complete: its number and, per plan, the byte ranges of its lines.
  private struct Snapshot {
    var seq: Int
    var plans: [(plan: String, lines: [Range<Int>])] = []
  }

  let bytes: UnsafeBufferPointer<UInt8>
  /// What has been read so far (each node's plans are filled in by `finish`).
  private var frames = SlurmFrames()
  /// Snapshots being received, per node.
  private var receiving: [String: Snapshot] = [:]
  /// Each node's last complete snapshot.
  private var complete: [String: Snapshot] = [:]

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Reads one op.
  mutating func apply(_ op: SlurmFrameReader.Op) {
    if let other = op.other { return line(other) }
    frames.touch(op.node)
    // Moved out and back: changed in place, not copied with every op.
    var snapshot = receiving.removeValue(forKey: op.node) ?? Snapshot(seq: op.seq)
    if snapshot.seq != op.seq { snapshot = Snapshot(seq: op.seq) }
    if snapshot.plans.last?.plan == op.plan {
      snapshot.plans[snapshot.plans.count - 1].lines.append(contentsOf: op.lines)
    } else {
      snapshot.plans.append((op.plan, op.lines))
    }
    receiving[op.node] = snapshot
  }

  /// The frames read, each node's plans holding the text of its last complete snapshot (copied on every core).
  mutating func finish() -> SlurmFrames {
    let shared = SlurmOutputBytes(bytes: bytes)
    let texts = Parallel.map(Array(complete)) { entry in
      (entry.key, entry.value.plans.map { ($0.plan, Self.joined(shared.bytes, $0.lines)) })
    }
    for (node, plans) in texts { frames.nodes[node]?.plans = plans }
    return frames
  }

  /// A line that is not part of a run of snapshot lines.
  private mutating func line(_ range: Range<Int>) {
    guard let fields = SlurmFrameLine.fields(bytes, range.lowerBound, range.upperBound) else {
      return frames.note(Substring(text(range)))
    }
    guard fields.count >= 2 else { return }
    let node = text(fields[0])
    if node == "-" { return job(fields) }
    frames.touch(node)
    if let seq = SlurmFrameLine.number(bytes, fields[1]) {
      if fields.total == 4 { return apply(.init(node: node, seq: seq, plan: text(fields[2]), lines: [fields[3]])) }
      guard text(fields[2]) == "end", let done = receiving[node], done.seq == seq else { return }
      receiving[node] = nil
      complete[node] = done
      return
    }
    let rest = text(fields[2].lowerBound..<fields.lineEnd)
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

  /// `@hpctest - job ID NODELIST`.
  private mutating func job(_ fields: SlurmFrameLine.Fields) {
    guard text(fields[1]) == "job" else { return }
    let rest = text(fields[2].lowerBound..<fields.lineEnd).split(separator: "\t", maxSplits: 1)
    frames.jobID = rest.first.map(String.init)
    frames.nodeList = rest.count > 1 ? String(rest[1]) : nil
  }

  private func text(_ range: Range<Int>) -> String { SlurmFrameLine.text(bytes, range) }

  /// The lines at `ranges`, each ending with a line break.
  private static func joined(_ bytes: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>]) -> String {
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
