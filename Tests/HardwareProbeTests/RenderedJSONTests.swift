import HPCBasics
import TestSupport
import Testing

@testable import HardwareProbe

/// `Inventory.renderedJSON()` (elements made and rendered side by side, then indented and spliced) is
/// `json().rendered()` byte for byte, on every fixture sysroot and on an empty root (every list empty).
@Suite struct RenderedJSONTests {
  @Test(arguments: FileSystem.list(Fixtures.repository + "/Tests/Sysroots")?.filter { !$0.hasSuffix(".md") } ?? [])
  func renderedSideBySideIsTheSerialRendering(name: String) throws {
    let inventory = try Fixtures.probe(name)
    #expect(inventory.renderedJSON() == inventory.json().rendered())
  }

  @Test func anEmptyRootRendersTheSame() throws {
    let root = Scratch.directory("hpctest-empty-root-")
    FileSystem.makeDirectories(root)
    defer { FileSystem.removeTree(root) }
    let inventory = try Probe.run(root: SystemRoot(root), options: ProbeOptions(pciIDsPath: Fixtures.pciIDs))
    #expect(inventory.functions.isEmpty && inventory.adapters.isEmpty && !inventory.warnings.isEmpty)
    #expect(inventory.renderedJSON() == inventory.json().rendered())
  }
}
