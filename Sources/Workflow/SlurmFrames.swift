import HPCBasics

/// What a sweep's nodes sent back through srun's output, read from the framed lines of `SlurmSweepScript`:
/// `@hpctest<TAB>NODE<TAB>SEQ<TAB>/PLAN<TAB>LINE` (one line of that plan's results.yaml in snapshot SEQ),
/// `@hpctest<TAB>NODE<TAB>SEQ<TAB>end` (snapshot SEQ is complete), `@hpctest<TAB>NODE<TAB>start|done|fail<TAB>V`,
/// `@hpctest<TAB>NODE<TAB>reason<TAB>/PLAN<TAB>LOG<TAB>TEXT` (first line of a failures.yaml)
/// and `@hpctest<TAB>-<TAB>job<TAB>ID<TAB>NODELIST`. srun's `--label` prefix (`  2: `) is dropped. Only complete
/// snapshots count, so a node killed while printing keeps its previous state. Any other line is kept as a note
/// for the node it names (`srun: error: n2: task 1: Killed`, `srun: error: Node failure on n2`).
package struct SlurmFrames: Sendable {
  /// One node's last complete state.
  package struct Node: Sendable {
    /// Plan name → results.yaml text, in the order first seen.
    package var plans: [(plan: String, text: String)] = []
    /// The node's hpctest exit code; nil when the node never reported the end.
    package var exitCode: Int32?
    /// Why the node could not run (`fail` frame).
    package var failure: String?
    /// `plan + "\t" + log path` of a failures.yaml → its first line (`reason` frames).
    package var reasons: [String: String] = [:]
    /// Scheduler messages naming the node (`srun: error: n2: ...`).
    package var messages: [String] = []
  }

  /// The job id, once the driver reported it.
  package var jobID: String?
  /// The allocation's node list in Slurm's notation (`n[1-3]`).
  package var nodeList: String?
  /// Nodes in the order first seen.
  package var order: [String] = []
  /// State per node.
  package var nodes: [String: Node] = [:]

  /// Creates an empty state.
  package init() {}

  /// Reads the whole output of a sweep.
  package static func parse(_ text: String) -> SlurmFrames {
    var text = text
    return text.withUTF8 { parse(bytes: $0) }
  }

  /// Reads the whole output of a sweep from its bytes (as the file holds them: no copy into a `String` first). The
  /// bytes are scanned in `chunks` pieces on every core (by default one per 4 MB, at most 16: a few per core, so
  /// uneven pieces even out), then read in order (`SlurmFrameReplay`): the same frames for any number of chunks.
  package static func parse(bytes: UnsafeBufferPointer<UInt8>, chunks: Int? = nil) -> SlurmFrames {
    let shared = SlurmOutputBytes(bytes: bytes)
    let pieces = SlurmFrameReader.chunks(bytes, count: chunks ?? min(16, bytes.count / 4_000_000 + 1))
    let scanned = Parallel.map(pieces) { piece in
      var reader = SlurmFrameReader(bytes: shared.bytes)
      reader.read(piece)
      return reader.ops
    }
    var replay = SlurmFrameReplay(bytes: bytes)
    for ops in scanned {
      for op in ops { replay.apply(op) }
    }
    return replay.finish()
  }

  /// Adds `node` to `order` the first time it is seen.
  mutating func touch(_ node: String) {
    if nodes[node] == nil {
      nodes[node] = Node()
      order.append(node)
    }
  }

  /// Lines such as `srun: error: n2: task 1: Killed` are kept for the node they name.
  mutating func note(_ line: Substring) {
    let parts = line.split(separator: ":", maxSplits: 3).map { $0.trimmingPrefix(" ") }
    guard parts.count >= 3, parts[0].hasPrefix("srun") || parts[0].hasPrefix("slurmstepd") else { return }
    var node = parts[0].hasPrefix("slurmstepd-") ? String(parts[0].dropFirst(11)) : String(parts[2])
    if let range = line.firstRange(of: "Node failure on ") { node = String(line[range.upperBound...]) }
    guard !node.isEmpty, !node.contains(" ") else { return }
    touch(node)
    nodes[node]?.messages.append(String(line))
  }
}
