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
  private var building: [String: (seq: Substring, plans: [(String, [Substring])])] = [:]

  /// Creates an empty state.
  package init() {}

  /// Reads the whole output of a sweep.
  package static func parse(_ text: String) -> SlurmFrames {
    var frames = SlurmFrames()
    let whole = Substring(text)
    for line in whole.utf8.split(separator: 10, omittingEmptySubsequences: false) {
      frames.consume(whole[line.startIndex..<line.endIndex])
    }
    return frames
  }

  /// Takes one output line.
  package mutating func consume(_ line: Substring) {
    guard let frame = Self.unlabelled(line) else { return note(line) }
    let fields = frame.utf8.split(separator: 9, maxSplits: 4, omittingEmptySubsequences: false).map {
      frame[$0.startIndex..<$0.endIndex]
    }
    guard fields.count >= 4 else { return }
    let node = String(fields[1])
    if node == "-" {
      if fields[2] == "job" {
        jobID = String(fields[3])
        nodeList = fields.count > 4 ? String(fields[4]) : nil
      }
      return
    }
    touch(node)
    switch fields[2] {
    case "start": break
    case "done": nodes[node]?.exitCode = Int32(fields[3]) ?? 2
    case "fail": nodes[node]?.failure = String(fields[3...].joined(separator: "\t"))
    case "reason" where fields.count == 5:
      let rest = fields[4].split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
      nodes[node]?.reasons[fields[3] + "\t" + rest[0]] = rest.count > 1 ? String(rest[1]) : ""
    default: snapshot(node, seq: fields[2], fields: fields)
    }
  }

  private mutating func snapshot(_ node: String, seq: Substring, fields: [Substring]) {
    if fields.count == 4 && fields[3] == "end" {
      guard let done = building.removeValue(forKey: node), done.seq == seq else { return }
      nodes[node]?.plans = done.plans.map { ($0.0, $0.1.joined(separator: "\n") + "\n") }
      return
    }
    guard fields.count == 5 else { return }
    var current = building.removeValue(forKey: node) ?? (seq, [])
    if current.seq != seq { current = (seq, []) }
    if current.plans.last?.0 != String(fields[3]) { current.plans.append((String(fields[3]), [])) }
    current.plans[current.plans.count - 1].1.append(fields[4])
    building[node] = current
  }

  private mutating func touch(_ node: String) {
    if nodes[node] == nil {
      nodes[node] = Node()
      order.append(node)
    }
  }

  /// Lines such as `srun: error: n2: task 1: Killed` are kept for the node they name.
  private mutating func note(_ line: Substring) {
    let parts = line.split(separator: ":", maxSplits: 3).map { $0.trimmingPrefix(" ") }
    guard parts.count >= 3, parts[0].hasPrefix("srun") || parts[0].hasPrefix("slurmstepd") else { return }
    var node = parts[0].hasPrefix("slurmstepd-") ? String(parts[0].dropFirst(11)) : String(parts[2])
    if let range = line.firstRange(of: "Node failure on ") { node = String(line[range.upperBound...]) }
    guard !node.isEmpty, !node.contains(" ") else { return }
    touch(node)
    nodes[node]?.messages.append(String(line))
  }

  /// The frame without srun's `--label` prefix, nil when the line is not a frame.
  static func unlabelled(_ line: Substring) -> Substring? {
    let bytes = line.utf8
    var index = bytes.startIndex
    while index != bytes.endIndex, bytes[index] == 0x20 || bytes[index] == 0x3A || (0x30...0x39).contains(bytes[index])
    {
      index = bytes.index(after: index)
    }
    let rest = line[index...]
    return rest.utf8.starts(with: "@hpctest\t".utf8) ? rest : nil
  }
}
