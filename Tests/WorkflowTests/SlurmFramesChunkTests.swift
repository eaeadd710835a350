import Reporting
import TMTModel
import Testing

@testable import Workflow

/// Reading a sweep's output in chunks on every core (`SlurmFrames.parse(bytes:chunks:)`) gives the frames that
/// one pass gives, wherever the chunks are cut: nodes interleaved line by line, srun labels, snapshots cut off,
/// replaced or ended with the wrong number, scheduler messages, reasons and a last line without a line break.
@Suite struct SlurmFramesChunkTests {
  /// One node's lines in the order it prints them: snapshots of two plans, some cut off or ended wrongly.
  static func lines(node: Int, random: inout SplitMix64) -> [String] {
    let outcomes: [ResultOutcome] = [.pass, .fail, .pending, .error]
    var lines: [String] = []
    for seq in 1...Int.random(in: 1...3, using: &random) {
      for plan in ["/a", "/b"] {
        let text = SlurmSweepUnitTests.results((0...node % 3).map { outcomes[($0 + seq) % 4] })
        lines += text.split(separator: "\n").map { "@hpctest\tn\(node)\t\(seq)\t\(plan)\t\($0)" }
      }
      switch Int.random(in: 0..<4, using: &random) {
      case 0: continue  // cut off: no end
      case 1: lines.append("@hpctest\tn\(node)\t\(seq + 1)\tend")  // the wrong snapshot's end
      default: lines.append("@hpctest\tn\(node)\t\(seq)\tend")
      }
    }
    lines.append("@hpctest\tn\(node)\treason\t/a\tdata/t1/failures.yaml\twhy\tnot \(node)")
    if node % 3 == 0 { lines.append("srun: error: n\(node): task \(node): Killed") }
    if node % 4 == 1 { lines.append("@hpctest\tn\(node)\tfail\tno space left") }
    if node % 5 != 2 { lines.append("@hpctest\tn\(node)\tdone\t\(node % 3)") }
    return lines
  }

  /// Every node's lines, interleaved at random (each node's own order kept), some with srun's label.
  static func output(nodes: Int, seed: UInt64) -> String {
    var random = SplitMix64(seed: seed)
    var queues = (1...nodes).map { lines(node: $0, random: &random)[...] }
    var out = ["salloc: Granted job allocation 7", "@hpctest\t-\tjob\t7\tn[1-\(nodes)]", "@hpctest\tshort"]
    while let index = queues.indices.filter({ !queues[$0].isEmpty }).randomElement(using: &random) {
      let label = Bool.random(using: &random) ? "\(index): " : ""
      out.append(label + queues[index].removeFirst())
    }
    return out.joined(separator: "\n")
  }

  /// Everything the frames hold, as text.
  static func key(_ frames: SlurmFrames) -> [String] {
    [frames.jobID ?? "-", frames.nodeList ?? "-", frames.order.joined(separator: ","), "\(frames.nodes.count)"]
      + frames.order.map { name in
        let node = frames.nodes[name]!
        let reasons = node.reasons.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value }
        return "\(name) \(node.plans.map { $0.plan + ":" + $0.text }) \(node.exitCode.map(String.init) ?? "-")"
          + " \(node.failure ?? "-") \(reasons) \(node.messages)"
      }
  }

  @Test(arguments: [1, 5, 23] as [UInt64])
  func chunksGiveWhatOnePassGives(seed: UInt64) {
    var text = Self.output(nodes: 9, seed: seed)
    let whole = text.withUTF8 { SlurmFrames.parse(bytes: $0, chunks: 1) }
    #expect(whole.jobID == "7" && whole.order.count == 9)
    #expect(whole.nodes.values.contains { !$0.plans.isEmpty } && whole.nodes.values.contains { $0.plans.isEmpty })
    for chunks in [2, 3, 4, 7, 16, 100, 100_000] {
      let read = text.withUTF8 { SlurmFrames.parse(bytes: $0, chunks: chunks) }
      #expect(Self.key(read) == Self.key(whole), "\(chunks) chunks")
    }
  }

  /// The chunks cover the output exactly, each cut right after a line break (or at the end).
  @Test(arguments: [1, 2, 3, 8, 64])
  func chunksAreWholeLines(count: Int) {
    var text = Self.output(nodes: 4, seed: UInt64(count))
    text.withUTF8 { bytes in
      let chunks = SlurmFrameReader.chunks(bytes, count: count)
      #expect(chunks.first?.lowerBound == 0 && chunks.last?.upperBound == bytes.count)
      #expect(zip(chunks, chunks.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
      #expect(chunks.dropLast().allSatisfy { !$0.isEmpty && bytes[$0.upperBound - 1] == 0x0A })
      #expect(chunks.count <= count)
    }
  }
}
