import HPCBasics
import Reporting
import TMTModel
import TestSupport
import Testing

@testable import Workflow

#if canImport(Glibc)
  import Glibc
#endif

/// What a sweep's merge writes and reads on disk: the per-plan, per-node results.yaml files, and srun's output
/// read in place.
@Suite struct SlurmMergeWriteTests {
  static func directory() -> String {
    Scratch.directory("hpctest-merge-")
  }

  /// A merge of `nodes` nodes and two plans, every third node lost (its results rendered, not its own text).
  static func merge(nodes: Int) -> SlurmMerge {
    var lines: [String] = []
    for node in 1...nodes where node % 3 != 0 {
      for plan in ["/plans/a", "/b"] {
        let outcomes = (0..<node % 5 + 1).map { [ResultOutcome.pass, .fail, .pending][($0 + node) % 3] }
        lines += SlurmSweepUnitTests.frames("n\(node)", 1, plan, SlurmSweepUnitTests.results(outcomes))
      }
      if node % 4 != 1 { lines.append("@hpctest\tn\(node)\tdone\t1") }
    }
    let all = (1...nodes).map { "n\($0)" }
    return SlurmMerge.merging(
      frames: SlurmFrames.parse(lines.joined(separator: "\n")), plans: ["/plans/a", "/b"], nodes: all)
  }

  /// Every plan × node gets `<plan>/<node>/execute/results.yaml` holding the node's text with the guest rewritten,
  /// or the rendered results where the merge changed them; nothing else is written.
  @Test(arguments: [1, 3, 50])
  func everyPlanAndNodeGetsItsResults(nodes: Int) throws {
    let root = Self.directory()
    defer { FileSystem.removeTree(root) }
    let merge = Self.merge(nodes: nodes)
    #expect(SlurmSweep.writeResults(merge.entries, under: root).isEmpty)
    for entry in merge.entries {
      let text = FileSystem.readText(root + entry.plan + "/" + entry.node + "/execute/results.yaml")
      #expect(text == (entry.text ?? ResultsYAML.render(entry.results)))
      #expect(text == ResultsYAML.render(entry.results))
    }
    #expect(FileSystem.list(root + "/plans/a")?.count == nodes && FileSystem.list(root + "/b")?.count == nodes)
    #expect(FileSystem.list(root)?.sorted() == ["b", "plans"])
  }

  /// A node name that is not one plain directory name (`..`, `.`, a path) is not written anywhere: its file is
  /// reported as not written, and the other nodes' files are.
  @Test(arguments: ["..", ".", "x/../..", "a/b", ""])
  func aNodeNameThatIsNotAPlainNameIsNotWritten(name: String) throws {
    let root = Self.directory()
    defer { FileSystem.removeTree(root) }
    var entries = Self.merge(nodes: 2).entries.filter { $0.plan == "/b" }
    entries[0].node = name
    let failed = SlurmSweep.writeResults(entries, under: root + "/run")
    #expect(failed == [root + "/run/b/" + name + "/execute/results.yaml"])
    #expect(FileSystem.list(root)?.sorted() == ["run"] && FileSystem.list(root + "/run/b") == ["n2"])
  }

  /// srun's output read in place gives the file's bytes, for files of any size (none, one byte,
  /// around a page, several megabytes) and for a missing file.
  @Test(arguments: [0, 1, 4095, 4096, 4097, 3_000_001, -1])
  func outputReadInPlaceHasTheFilesBytes(size: Int) throws {
    let root = Self.directory()
    defer { FileSystem.removeTree(root) }
    let path = root + "/output.txt"
    let bytes: [UInt8] = (0..<max(size, 0)).map { (index: Int) -> UInt8 in
      let printable = 0x20 + (index &* 31 &+ index >> 9) % 95
      return index % 61 == 60 ? 0x0A : UInt8(printable)
    }
    if size >= 0 { FileSystem.write(path, String(decoding: bytes, as: UTF8.self)) }
    #expect(SlurmOutput.withBytes(path) { Array($0) } == bytes)
  }
}
