import Testing

@testable import HardwareProbe

/// The byte-level parsers (`PCIAddress(_:)`, `Sysfs.normalize`, `Sysfs.suffix`, `Sysfs.bytes(of:contain:)`) agree
/// with the straightforward `split`-based forms they replaced, on every input built from a set of fragments.
@Suite struct ByteParserTests {
  /// Every string of up to `length` fragments (with repetition).
  static func strings(of fragments: [String], length: Int) -> [String] {
    var result = [""]
    var last = [""]
    for _ in 0..<length {
      last = last.flatMap { prefix in fragments.map { prefix + $0 } }
      result += last
    }
    return result
  }

  /// The address parser the byte parser replaced.
  static func referenceAddress(_ text: String) -> PCIAddress? {
    let isHex = { (part: Substring) in part.utf8.allSatisfy { PCIAddressTests.hexDigits.contains($0) } }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3 else { return nil }
    let domainText = parts.count == 3 ? parts[0] : "0"
    let slot = parts[parts.count - 1].split(separator: ".", omittingEmptySubsequences: false)
    guard slot.count == 2, isHex(domainText), isHex(parts[parts.count - 2]), isHex(slot[0]), isHex(slot[1]),
      let domain = UInt32(domainText, radix: 16), domainText.count <= 8,
      let bus = UInt8(parts[parts.count - 2], radix: 16), parts[parts.count - 2].count == 2,
      let device = UInt8(slot[0], radix: 16), slot[0].count == 2, device < 32,
      let function = UInt8(slot[1], radix: 16), slot[1].count == 1, function < 8
    else { return nil }
    return PCIAddress(domain: domain, bus: bus, device: device, function: function)
  }

  /// The lexical normalisation the byte form replaced.
  static func referenceNormalize(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/") where part != "." {
      if part == ".." {
        if !parts.isEmpty { parts.removeLast() }
      } else {
        parts.append(part)
      }
    }
    return "/" + parts.joined(separator: "/")
  }

  @Test func addressesParseAsTheSplitParserDid() {
    let inputs = ByteParserTests.strings(of: ["0", "1f", "3b", ":", ".", "7", "g", "0000", "A", "+"], length: 5)
    #expect(inputs.count > 100_000)
    for text in inputs {
      #expect(PCIAddress(text) == ByteParserTests.referenceAddress(text), "\(text)")
    }
  }

  @Test func addressesPrintAsParsed() {
    for domain: UInt32 in [0, 1, 0xabcd, 0xffff, 0x10000, 0xffff_ffff] {
      for bus: UInt8 in [0, 0x0a, 0xff] {
        for device: UInt8 in [0, 0x1f] {
          for function: UInt8 in 0..<8 {
            let address = PCIAddress(domain: domain, bus: bus, device: device, function: function)
            #expect(PCIAddress(address.description) == address)
            #expect(address.description == ByteParserTests.referencePrint(address))
          }
        }
      }
    }
  }

  /// The printer the byte printer replaced.
  static func referencePrint(_ address: PCIAddress) -> String {
    func hex(_ value: UInt32, _ width: Int) -> String {
      let digits = String(value, radix: 16)
      return String(repeating: "0", count: max(width - digits.count, 0)) + digits
    }
    return "\(hex(address.domain, 4)):\(hex(UInt32(address.bus), 2)):\(hex(UInt32(address.device), 2))."
      + "\(address.function)"
  }

  @Test func pathsNormaliseAsTheSplitFormDid() {
    let inputs = ByteParserTests.strings(of: ["/", "a", "..", ".", "bc", "é", "//"], length: 6)
    for path in inputs {
      #expect(Sysfs.normalize(path) == ByteParserTests.referenceNormalize(path), "\(path)")
    }
  }

  @Test func findsTheLastMarkerAndSubstrings() {
    let inputs = ByteParserTests.strings(of: ["/sys/devices/", "/sys", "x", "/devices/", "é"], length: 4)
    for text in inputs {
      let expected = text.ranges(of: "/sys/devices/").last.map { text[$0.upperBound...] }
      #expect(Sysfs.suffix(of: text, afterLast: "/sys/devices/") == expected, "\(text)")
      #expect(Sysfs.bytes(of: text, contain: "/devices/") == text.contains("/devices/"), "\(text)")
    }
  }
}
