import HPCBasics
import Testing

@testable import HardwareProbe

@Suite struct BadInputTests {
  @Test func missingRootIsAnError() {
    #expect(throws: ProbeError.missingRoot("/nonexistent/hpctest-root")) {
      try Probe.run(root: SystemRoot("/nonexistent/hpctest-root"))
    }
  }

  @Test func emptyRootGivesAnEmptyInventoryWithWarnings() throws {
    let inventory = try Probe.run(root: SystemRoot(Fixtures.directory + "/public"))
    #expect(inventory.functions.isEmpty && inventory.gpus.isEmpty)
    #expect(inventory.warnings.contains { $0.message.contains("missing: no PCI functions") })
    #expect(inventory.warnings.contains { $0.subject == "libpci" }, "libpci's scan error is a warning")
    #expect(inventory.host.cpu.processors == 0)
  }

  /// Fixtures/garbage-sysroot: unparsable attributes, truncated config space, a bad port rate, a bad device name.
  @Test func garbageFilesGivePartialResults() throws {
    let inventory = try Probe.run(root: SystemRoot(Fixtures.directory + "/garbage-sysroot"))
    let function = try #require(inventory.functions.first)
    #expect(inventory.functions.count == 1)
    #expect(function.vendorID == 0x10de, "from the truncated config space")
    #expect(function.numaNode == nil)
    #expect(function.currentLink == nil)
    #expect(function.express == nil)
    let subjects = inventory.warnings.map(\.description)
    #expect(subjects.contains { $0.contains("numa_node is 'banana'") })
    #expect(subjects.contains { $0.contains("not a PCI address") })
    #expect(subjects.contains { $0.contains("rate 'lots' is not like") })
    #expect(subjects.contains { $0.contains("only 64 bytes readable") })
    _ = (inventory.summary(), inventory.json().rendered())
  }
}
