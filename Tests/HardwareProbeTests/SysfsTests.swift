import HPCBasics
import Testing

@testable import HardwareProbe

@Suite struct SysfsTests {
  @Test func readsFlattenedSymlinksLikeLinks() {
    let flattened = Fixtures.directory + "/flattened-link/driver"
    let link = Fixtures.sysroot("h200-x86_64").resolve("/sys/devices/pci0000:00/0000:00:06.0/driver")
    #expect(FileSystem.kind(flattened, follow: false) == .file)
    #expect(Sysfs.linkName(flattened) == "nvidia")
    #expect(FileSystem.kind(link, follow: false) == .symlink)
    #expect(Sysfs.linkName(link) == "nvidia")
    #expect(Sysfs.linkName(Fixtures.directory + "/pci.ids") == nil, "a plain file is not a link")
  }

  @Test func sortsNamesNaturally() {
    let names = ["mlx5_10", "mlx5_2", "mlx5_bond_0", "mlx5_1", "virtfn10", "virtfn9"]
    #expect(
      names.sorted(by: Sysfs.naturalLess) == ["mlx5_1", "mlx5_2", "mlx5_10", "mlx5_bond_0", "virtfn9", "virtfn10"])
  }

  @Test func parsesHexAndNormalisesPaths() {
    #expect(Sysfs.parseHex("0x10de") == 0x10de)
    #expect(Sysfs.parseHex("101c") == 0x101c)
    #expect(Sysfs.parseHex("0xzz") == nil)
    #expect(Sysfs.normalize("/a/b/../../c/./d") == "/c/d")
  }

  @Test func parsesAERCounterFiles() {
    let table = AERCountersReader.parse("RxErr 3\nBadTLP 0\nTOTAL_ERR_COR 3\ngarbage line here\n")
    #expect(table == ["RxErr": 3, "BadTLP": 0, "TOTAL_ERR_COR": 3])
    let counters = AERCounters(correctable: table, fatal: [:], nonfatal: ["CmpltTO": 2])
    #expect(counters.total == 5)
  }
}
