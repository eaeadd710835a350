/// A PCI function address `domain:bus:device.function` (`0000:3b:00.0`).
public struct PCIAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// PCI segment (domain).
  public var domain: UInt32
  /// Bus number.
  public var bus: UInt8
  /// Device number (0–31).
  public var device: UInt8
  /// Function number (0–7).
  public var function: UInt8

  /// Creates an address from its parts.
  public init(domain: UInt32, bus: UInt8, device: UInt8, function: UInt8) {
    self.domain = domain
    self.bus = bus
    self.device = device
    self.function = function
  }

  /// Parses `0000:3b:00.0` (a missing domain means 0); nil for anything else.
  public init?(_ text: some StringProtocol) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3 else { return nil }
    let domainText = parts.count == 3 ? parts[0] : "0"
    let slot = parts[parts.count - 1].split(separator: ".", omittingEmptySubsequences: false)
    guard slot.count == 2, let domain = UInt32(domainText, radix: 16), domainText.count <= 8,
      let bus = UInt8(parts[parts.count - 2], radix: 16), parts[parts.count - 2].count == 2,
      let device = UInt8(slot[0], radix: 16), slot[0].count == 2, device < 32,
      let function = UInt8(slot[1], radix: 16), slot[1].count == 1, function < 8
    else { return nil }
    self.init(domain: domain, bus: bus, device: device, function: function)
  }

  /// `0000:3b:00.0`.
  public var description: String {
    "\(hex(UInt64(domain), width: 4)):\(hex(UInt64(bus), width: 2)):\(hex(UInt64(device), width: 2)).\(function)"
  }

  /// Orders by domain, bus, device, function.
  public static func < (a: PCIAddress, b: PCIAddress) -> Bool {
    (a.domain, a.bus, a.device, a.function) < (b.domain, b.bus, b.device, b.function)
  }
}

/// Lower-case hexadecimal of `value`, zero-padded to `width` digits.
func hex(_ value: UInt64, width: Int) -> String {
  let digits = String(value, radix: 16)
  return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
