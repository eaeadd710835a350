import HPCBasics
import HardwareProbe
import Testing

@testable import Checks

/// The probe's inventory, adapted to the checks' facts, agrees with what the checks' own sysfs reader gathers on
/// every sysroot fixture (a cross-check of both gatherers).
@Suite("Probe inventory adapter")
struct ProbeAdapterTests {
  @Test(arguments: ["h200-x86_64", "a30-cx6-aarch64", "a30-cx6-aarch64-faulty", "intel-max1550-x86_64"])
  func adaptedInventoryMatchesPCIScan(tree: String) throws {
    let root = SystemRoot(Path.dirname(Fixture.directory) + "/../Sysroots/" + tree)
    let inventory = try Probe.run(root: root)
    let adapted = inventory.functions.map(PCIDeviceFacts.init).sorted { $0.address < $1.address }
    let scanned = PCIScan.devices(SysfsReader(root: root))
    #expect(adapted.map(\.address) == scanned.map(\.address))
    for (a, s) in zip(adapted, scanned) {
      #expect(a.pciID == s.pciID && a.classCode == s.classCode && a.driver == s.driver, "\(a.address)")
      #expect(a.numaNode == s.numaNode && a.link == s.link, "\(a.address)")
      #expect(a.ancestors == s.ancestors && a.hostBridge == s.hostBridge, "\(a.address)")
      #expect(a.physicalFunction == s.physicalFunction && a.virtualFunctions == s.virtualFunctions, "\(a.address)")
      #expect(a.sriovNumVFs == s.sriovNumVFs && a.iommuGroup == s.iommuGroup, "\(a.address)")
      #expect(a.aer == s.aer && a.acsControl == s.acsControl, "\(a.address)")
    }
  }
}
