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

  /// Parses `0000:3b:00.0` (a missing domain means 0; the domain has 1–8 hex digits, bus and device 2, the
  /// function 1); nil for anything else. Reads the UTF-8 bytes once, without splitting.
  public init?(_ text: some StringProtocol) {
    var fields: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
    var digits: (Int, Int, Int, Int) = (0, 0, 0, 0)
    var colons = 0
    var dots = 0
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: ":"):
        guard dots == 0, colons < 2 else { return nil }
        colons += 1
        fields = (fields.1, fields.2, 0, 0)
        digits = (digits.1, digits.2, 0, 0)
      case UInt8(ascii: "."):
        guard dots == 0, colons > 0 else { return nil }
        dots = 1
      default:
        guard let value = PCIAddress.hexDigit(byte) else { return nil }
        if dots == 0 {
          guard digits.2 < 8 else { return nil }
          (fields.2, digits.2) = (fields.2 << 4 | value, digits.2 + 1)
        } else {
          guard digits.3 < 1 else { return nil }
          (fields.3, digits.3) = (value, 1)
        }
      }
    }
    // fields: (domain, bus, device, function) once shifted left by the colons seen.
    guard dots == 1, digits.3 == 1, digits.2 == 2, digits.1 == 2, fields.2 < 32, fields.3 < 8,
      colons == 1 || digits.0 >= 1
    else { return nil }
    self.init(domain: fields.0, bus: UInt8(fields.1), device: UInt8(fields.2), function: UInt8(fields.3))
  }

  private static func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  /// `0000:3b:00.0` (a domain above `ffff` with all its digits).
  public var description: String {
    guard domain <= 0xffff, function < 10 else {
      return
        "\(hex(UInt64(domain), width: 4)):\(hex(UInt64(bus), width: 2)):\(hex(UInt64(device), width: 2)).\(function)"
    }
    return String(unsafeUninitializedCapacity: 12) { out in
      for position in 0..<4 { out[position] = PCIAddress.hexCharacter(UInt32(domain) >> (12 - 4 * position)) }
      (out[4], out[7], out[10]) = (UInt8(ascii: ":"), UInt8(ascii: ":"), UInt8(ascii: "."))
      (out[5], out[6]) = (PCIAddress.hexCharacter(UInt32(bus) >> 4), PCIAddress.hexCharacter(UInt32(bus)))
      (out[8], out[9]) = (PCIAddress.hexCharacter(UInt32(device) >> 4), PCIAddress.hexCharacter(UInt32(device)))
      out[11] = PCIAddress.hexCharacter(UInt32(function))
      return 12
    }
  }

  /// The lower-case hex digit of the low four bits of `value`.
  private static func hexCharacter(_ value: UInt32) -> UInt8 {
    let digit = UInt8(value & 15)
    return digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
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
