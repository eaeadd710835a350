import HPCBasics
import Testing

@testable import HardwareProbe

/// What `lspci -vv` printed per function, parsed from its text.
struct LspciDevice {
  var linkCapability: PCILink?
  var linkStatus: PCILink?
  var totalVFs: Int?
  var numVFs: Int?
  var vfDeviceID: String?
  var acsControl: [String]?

  /// Parses `lspci -vv -D` output: headers start at column 0 with an address.
  static func parse(_ text: String) -> [PCIAddress: LspciDevice] {
    var devices: [PCIAddress: LspciDevice] = [:]
    var current: PCIAddress?
    for line in text.split(separator: "\n") {
      if let first = line.split(separator: " ").first, !line.hasPrefix("\t"), let address = PCIAddress(first) {
        current = address
        devices[address] = LspciDevice()
        continue
      }
      guard let address = current else { continue }
      devices[address]?.absorb(line.trimmingCharacters(in: " \t").replacingOccurrences("\t", " "))
    }
    return devices
  }

  private mutating func absorb(_ line: String) {
    if line.hasPrefix("LnkCap:") { linkCapability = LspciDevice.link(line) }
    if line.hasPrefix("LnkSta:") { linkStatus = LspciDevice.link(line) }
    if line.hasPrefix("Initial VFs:") {
      let numbers = line.split(separator: ",").map {
        $0.split(separator: ":").last.flatMap { Int($0.trimmingCharacters(in: " ")) }
      }
      totalVFs = numbers.count > 1 ? numbers[1] : nil
      numVFs = numbers.count > 2 ? numbers[2] : nil
    }
    if line.hasPrefix("VF offset:") { vfDeviceID = line.split(separator: " ").last.map(String.init) }
    if line.hasPrefix("ACSCtl:") {
      acsControl = line.dropFirst(7).split(separator: " ").filter { $0.hasSuffix("+") }.map { String($0.dropLast()) }
    }
  }

  /// `Speed 16GT/s (downgraded), Width x8 (downgraded)` → 16 GT/s x8.
  static func link(_ line: String) -> PCILink {
    let words = line.replacingOccurrences(",", " ").replacingOccurrences("\t", " ").split(separator: " ")
    let speed = words.firstIndex(of: "Speed").flatMap { Double(words[$0 + 1].replacingOccurrences("GT/s", "")) }
    let width = words.firstIndex(of: "Width").flatMap { Int(words[$0 + 1].dropFirst()) }
    return PCILink(speed: speed, width: width)
  }
}

extension String {
  func replacingOccurrences(_ target: String, _ replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}

extension Substring {
  func replacingOccurrences(_ target: String, _ replacement: String) -> String {
    String(self).replacingOccurrences(target, replacement)
  }
}

/// The probe's config-space decoding agrees with lspci's on every fixture (committed lspci outputs; see
/// Fixtures/lspci/SOURCE.md).
@Suite struct LspciCrossCheckTests {
  @Test(arguments: Fixtures.sysroots)
  func agreesWithLspci(name: String) throws {
    let lspci = LspciDevice.parse(Fixtures.text("lspci/\(name).txt"))
    let inventory = try Fixtures.probe(name)
    #expect(lspci.count == inventory.functions.count)
    for function in inventory.functions {
      let device = try #require(lspci[function.address], "lspci lacks \(function.address)")
      #expect(function.express?.maximum == device.linkCapability, "\(function.address) LnkCap")
      #expect(function.express?.current == device.linkStatus, "\(function.address) LnkSta")
      #expect(function.sriov?.totalVFs == device.totalVFs, "\(function.address) Total VFs")
      #expect(function.sriov?.numVFs == device.numVFs, "\(function.address) Number of VFs")
      #expect(function.sriov.map { hex(UInt64($0.vfDeviceID), width: 4) } == device.vfDeviceID)
      #expect(function.acs?.enabled == device.acsControl, "\(function.address) ACSCtl")
    }
  }

  @Test func intelEndpointBehindSwitchReportsGen1x1() {
    let text = Fixtures.text("public/lspci-vv.arc-b580-endpoint-gen1x1.excerpt.txt")
    let status = text.split(separator: "\n").first { $0.contains("LnkSta:") }.map { LspciDevice.link(String($0)) }
    #expect(status == PCILink(speed: 2.5, width: 1))
  }
}
