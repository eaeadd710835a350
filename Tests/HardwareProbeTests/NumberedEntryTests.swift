import Glibc
import HPCBasics
import TestSupport
import Testing

@testable import HardwareProbe

/// Numbered entries (RDMA ports, MLNX_OFED VF settings, `virtfnN` links) are opened by number instead of listing
/// their directory; attribute bytes are parsed without making strings.
@Suite struct NumberedEntryTests {
  /// Directory layouts (numbers made as directories, numbers made as plain files) and the numbers read.
  static let layouts: [([Int], [Int], [Int])] = [
    ([1], [], [1]), ([1, 2], [], [1, 2]), ([0], [], [0]), ([0, 1, 2], [], [0, 1, 2]), ([1, 3], [], [1]),
    ([], [], []), ([1, 3], [2], [1, 2, 3]), ([2], [], []), ([0, 2], [], [0]),
  ]

  /// Runs until the first missing number after 0 (which may be absent), keeping entries that are not directories.
  @Test(arguments: NumberedEntryTests.layouts)
  func numberedEntriesRunUntilOneIsMissing(directories: [Int], files: [Int], expected: [Int]) throws {
    let root = Scratch.directory("hpctest-numbered-")
    defer { FileSystem.removeTree(root) }
    FileSystem.makeDirectories(root)
    for number in directories { FileSystem.makeDirectories(root + "/\(number)") }
    for number in files { try #require(FileSystem.write(root + "/\(number)", "x\n")) }
    let found = RDMAReader.numbered(first: 0, in: SysfsDirectory(root))
    #expect(found.map(\.number) == expected)
    #expect(found.map { $0.directory.isOpen } == expected.map { !files.contains($0) })
    #expect(RDMAReader.numbered(first: 0, in: SysfsDirectory(root + "/missing")).isEmpty)
  }

  /// On every fixture sysroot, reading by number finds what listing the directories finds: the ports of every
  /// RDMA device, the OFED settings under its device, and every function's `virtfnN` links.
  @Test(arguments: FileSystem.list(Fixtures.repository + "/Tests/Sysroots")?.filter { !$0.hasSuffix(".md") } ?? [])
  func readingByNumberMatchesListing(name: String) throws {
    let root = Fixtures.sysroot(name)
    let inventory = try Probe.run(root: root, options: ProbeOptions(pciIDsPath: Fixtures.pciIDs))
    for adapter in inventory.adapters {
      let device = Sysfs.resolveLink(root.resolve("/sys/class/infiniband/" + adapter.name)) ?? ""
      #expect(adapter.ports.map(\.number) == Sysfs.list(device + "/ports").compactMap { Int($0) }, "\(adapter.name)")
      if !adapter.isVirtualFunction {
        #expect(adapter.ofedVFs.map(\.index) == Sysfs.list(device + "/device/sriov").compactMap { Int($0) })
      }
    }
    for function in inventory.functions where !function.virtualFunctions.isEmpty {
      let directory = Sysfs.resolveLink(root.resolve("/sys/bus/pci/devices/\(function.address)")) ?? ""
      let listed = Sysfs.list(directory, prefix: "virtfn").compactMap {
        Sysfs.resolveLink(directory + "/" + $0).flatMap { PCIAddress(Path.basename($0)) }
      }
      #expect(function.virtualFunctions == listed, "\(function.address)")
    }
  }

  /// The byte parsers agree with the string parsers they stand for, on every string built from the fragments.
  @Test func byteParsersAgreeWithStringParsers() {
    let fragments = ["0", "x", "X", "1f", "9", "-", "+", " ", "é", "\n", "\0", "ffffffff", "99999999", ":"]
    let inputs = ByteParserTests.strings(of: fragments, length: 4)
    #expect(inputs.count > 40_000)
    for text in inputs {
      var copy = text
      copy.withUTF8 { bytes in
        let trimmed = Sysfs.trimmedBytes(bytes)
        let string = String(decoding: trimmed, as: UTF8.self)
        #expect(Sysfs.parseHex(trimmed) == Sysfs.parseHex(string), "\(text.debugDescription)")
        #expect(Sysfs.parseInt(trimmed) == Int(string), "\(text.debugDescription)")
        #expect(Sysfs.parseUInt64(trimmed) == UInt64(string), "\(text.debugDescription)")
        #expect(RDMAReader.isZeroGID(trimmed) == RDMAReader.isZeroGID(string), "\(text.debugDescription)")
      }
    }
  }
}
