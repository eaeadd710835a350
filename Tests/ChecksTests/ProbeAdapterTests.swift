import HPCBasics
import HardwareProbe
import Testing

@testable import Checks

/// The adapters from the probe's inventory to the judges' fact structs, on the shared faulty A30 tree.
@Suite("Probe inventory adapter")
struct ProbeAdapterTests {
  static let facts = NodeFacts(CheckContext(root: Fixture.root("a30-cx6-aarch64-faulty"), runner: FakeToolRunner([:])))

  @Test func pciFunctions() throws {
    let gpu = try #require(Self.facts.device("0000:04:00.0"))
    #expect(gpu.pciID == "10de:20b7" && gpu.driver == "nvidia" && gpu.isGPU)
    #expect(
      gpu.link == LinkFacts(address: "0000:04:00.0", currentSpeed: 16, currentWidth: 8, maxSpeed: 16, maxWidth: 16))
    #expect(gpu.hostBridge == "pci0000:00" && gpu.ancestors == ["0000:00:01.0", "0000:01:00.0", "0000:02:01.0"])
    #expect(gpu.aer == AERCounts(correctable: 12, nonFatal: 0, fatal: 0))
    #expect(Self.facts.gpus.map(\.address) == ["0000:03:00.0", "0000:04:00.0", "0000:06:00.0", "0001:01:00.0"])
    #expect(Self.facts.adapterFunctions.map(\.address) == ["0000:05:00.0", "0000:05:00.1"])
    #expect(Self.facts.adapters.map(\.address) == ["0000:05:00.0"], "one card")
    #expect(Self.facts.cards.map(\.rdmaDevices) == [["mlx5_0", "mlx5_1"]])
  }

  @Test func rdmaPorts() throws {
    let port = try #require(Self.facts.rdma.first { $0.name == "mlx5_0" }?.ports.first)
    #expect(port.label == "mlx5_0/1" && port.state == "DOWN" && port.physState == "Polling")
    #expect(port.lid == 0 && port.smLid == 0 && port.isInfiniBand)
    #expect(Set(port.errorCounters.keys).isSubset(of: PortFacts.errorCounterNames))
  }

  @Test func sriovGroups() throws {
    let pf = try #require(Self.facts.adapterPhysicalFunctions.first { $0.address == "0000:05:00.0" })
    #expect(pf.rdmaDevice == "mlx5_0" && pf.numVFs == 8 && pf.totalVFs == 16 && pf.vfs.count == 8)
    #expect(pf.vfs[3].address == "0000:05:00.5" && pf.vfs[3].nodeGUID.map(SRIOVJudge.isZero) == true)
    #expect(pf.vfs.allSatisfy { $0.driver == "mlx5_core" && $0.iommuGroup != nil })
  }
}
