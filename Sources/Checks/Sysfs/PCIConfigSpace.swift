/// Reads capabilities out of a PCI configuration space dump (the `config` attribute).
package enum PCIConfigSpace {
  /// The ACS extended capability id.
  static let acsCapabilityID: UInt16 = 0x000d

  /// ACS control bits that redirect peer-to-peer traffic up to the root complex.
  package static let requestRedirect: UInt16 = 1 << 2
  /// Completion redirect.
  package static let completionRedirect: UInt16 = 1 << 3
  /// Upstream forwarding.
  package static let upstreamForwarding: UInt16 = 1 << 4
  /// Egress control.
  package static let egressControl: UInt16 = 1 << 5

  /// The ACS control register, nil when the dump has no extended space or no ACS capability.
  package static func acsControl(_ config: [UInt8]) -> UInt16? {
    guard config.count >= 0x104 else { return nil }
    var offset = 0x100
    var visited = 0
    while offset >= 0x100, offset + 8 <= config.count, visited < 64 {
      let header = word32(config, offset)
      if header == 0 || header == 0xffff_ffff { return nil }
      if UInt16(header & 0xffff) == acsCapabilityID { return word16(config, offset + 6) }
      offset = Int(header >> 20) & 0xffc
      visited += 1
    }
    return nil
  }

  /// Names of the redirect bits set in an ACS control value (`RR`, `CR`, `UF`, `EC`).
  package static func redirectNames(_ control: UInt16) -> [String] {
    let names: [(UInt16, String)] = [
      (requestRedirect, "RR"), (completionRedirect, "CR"), (upstreamForwarding, "UF"), (egressControl, "EC"),
    ]
    return names.filter { control & $0.0 != 0 }.map(\.1)
  }

  static func word16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
    UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
  }

  static func word32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
    UInt32(word16(bytes, offset)) | UInt32(word16(bytes, offset + 2)) << 16
  }
}
