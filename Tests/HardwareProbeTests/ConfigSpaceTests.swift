import HPCBasics
import Testing

@testable import HardwareProbe

@Suite struct ConfigSpaceTests {
  let h200 = ConfigSpace(
    FileSystem.readBytes(
      Fixtures.sysroot("h200-x86_64").resolve("/sys/devices/pci0000:00/0000:00:06.0/config")) ?? [])

  @Test func decodesTheRealH200ExpressCapability() throws {
    #expect(h200.bytes.count == 4096)
    #expect(h200.vendorID == 0x10de)
    #expect(h200.deviceID == 0x2335)
    let express = try #require(h200.express)
    #expect(express.current == PCILink(speed: 32, width: 16))
    #expect(express.maximum == PCILink(speed: 32, width: 16))
  }

  @Test func decodesGeneratedExtendedCapabilities() throws {
    let path = "/sys/bus/pci/devices/0000:05:00.0/config"
    let config = ConfigSpace(FileSystem.readBytes(Fixtures.sysroot("a30-cx6-aarch64").resolve(path)) ?? [])
    let sriov = try #require(config.sriov)
    #expect(sriov.totalVFs == 16)
    #expect(sriov.numVFs == 8)
    #expect(sriov.enabled)
    #expect(sriov.vfOffset == 2 && sriov.vfStride == 1)
    #expect(sriov.vfDeviceID == 0x101c)
    #expect(config.aer == AERStatus(uncorrectable: 0, correctable: 0))
    #expect(config.acs == nil)
  }

  @Test func decodesACSControlBits() throws {
    let path = "/sys/bus/pci/devices/0000:02:01.0/config"
    let config = ConfigSpace(FileSystem.readBytes(Fixtures.sysroot("a30-cx6-aarch64-faulty").resolve(path)) ?? [])
    let acs = try #require(config.acs)
    #expect(acs.enabled == ["SrcValid", "ReqRedir", "CmpltRedir", "UpstreamFwd"])
    #expect(acs.redirectsPeerToPeer)
    #expect(config.express?.portTypeName == "downstream-port")
  }

  @Test func truncatedConfigGivesPartialAnswers() {
    let short = ConfigSpace(Array(h200.bytes.prefix(64)))
    #expect(short.vendorID == 0x10de)
    #expect(short.express == nil, "capabilities start at 0x40 and are not readable from 64 bytes")
    #expect(short.sriov == nil)
    #expect(ConfigSpace([]).vendorID == nil)
    #expect(ConfigSpace([0x10, 0xde]).deviceID == nil)
  }

  @Test func capabilityLoopsAndBadPointersEndTheWalk() {
    var bytes = [UInt8](repeating: 0, count: 256)
    bytes[0x06] = 0x10
    bytes[0x34] = 0x40
    bytes[0x40] = 0x01
    bytes[0x41] = 0x40  // points to itself
    #expect(ConfigSpace(bytes).capabilities.count == 1)
    var extended = [UInt8](repeating: 0, count: 4096)
    extended[0x100] = 0x01
    extended[0x102] = 0x01
    extended[0x103] = 0x10  // next = 0x100: a loop
    #expect(ConfigSpace(extended).extendedCapabilities.count == 1)
    let garbage = ConfigSpace((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37) })
    _ = (garbage.capabilities, garbage.extendedCapabilities, garbage.express, garbage.sriov, garbage.acs, garbage.aer)
  }
}
