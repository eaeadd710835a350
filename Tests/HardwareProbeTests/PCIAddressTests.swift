import Testing

@testable import HardwareProbe

@Suite struct PCIAddressTests {
  @Test(arguments: [
    ("0000:3b:00.0", "0000:3b:00.0"), ("3b:00.0", "0000:3b:00.0"), ("0001:01:1f.7", "0001:01:1f.7"),
    ("10000:00:00.0", "10000:00:00.0"),
  ])
  func parsesAndPrints(text: String, printed: String) {
    #expect(PCIAddress(text)?.description == printed)
  }

  @Test(arguments: ["", "0000:3b:00", "0000:3b:20.0", "0000:3b:00.8", "zz:00.0", "0000:3:00.0", "pci0000:00"])
  func rejectsGarbage(text: String) {
    #expect(PCIAddress(text) == nil)
  }

  @Test func ordersByDomainBusDeviceFunction() {
    let sorted = ["0001:00:00.0", "0000:05:00.1", "0000:05:00.0", "0000:03:00.0"].compactMap { PCIAddress($0) }.sorted()
    #expect(sorted.map(\.description) == ["0000:03:00.0", "0000:05:00.0", "0000:05:00.1", "0001:00:00.0"])
  }
}

@Suite struct PCILinkTests {
  @Test(arguments: [
    ("32.0 GT/s PCIe", 32.0), ("8 GT/s", 8.0), ("2.5 GT/s PCIe", 2.5), ("16.0 GT/s PCIe", 16.0),
  ])
  func parsesSysfsSpeeds(text: String, speed: Double) {
    #expect(PCILink.parseSpeed(text) == speed)
  }

  @Test(arguments: ["Unknown", "", "fast", "-1 GT/s", "32.0"])
  func rejectsUnknownSpeeds(text: String) {
    #expect(PCILink.parseSpeed(text) == nil)
  }

  @Test func parsesWidths() {
    #expect(PCILink.parseWidth("16") == 16)
    #expect(PCILink.parseWidth("0") == nil)
    #expect(PCILink.parseWidth("x16") == nil)
  }

  @Test func describesAndCompares() {
    let full = PCILink(speed: 32, width: 16)
    let degraded = PCILink(speed: 32, width: 8)
    #expect(full.description == "32.0 GT/s x16")
    #expect(PCILink(speed: 2.5, width: 1).description == "2.5 GT/s x1")
    #expect(full.generation == 5)
    #expect(!degraded.meets(full))
    #expect(full.meets(degraded))
    #expect(PCILink(speed: nil, width: 8).meets(full), "unknown parts are not judged")
  }
}

extension PCIAddressTests {
  /// ASCII hex digits, both cases.
  static let hexDigits = Set("0123456789abcdefABCDEF".utf8)
}
