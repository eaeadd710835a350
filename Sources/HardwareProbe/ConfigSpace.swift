/// A PCI function's configuration space as read (64, 256 or 4096 bytes), with its capabilities decoded.
/// Pure: built from bytes, so a truncated or garbage file gives partial answers, never a crash.
public struct ConfigSpace: Sendable, Hashable {
  /// The bytes read.
  public var bytes: [UInt8]

  /// Wraps `bytes`.
  public init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// The byte at `offset`, or nil past the end.
  func byte(_ offset: Int) -> UInt8? { offset >= 0 && offset < bytes.count ? bytes[offset] : nil }

  /// The little-endian 16-bit word at `offset`, or nil past the end.
  func word(_ offset: Int) -> UInt16? {
    guard let low = byte(offset), let high = byte(offset + 1) else { return nil }
    return UInt16(low) | UInt16(high) << 8
  }

  /// The little-endian 32-bit dword at `offset`, or nil past the end.
  func dword(_ offset: Int) -> UInt32? {
    guard let low = word(offset), let high = word(offset + 2) else { return nil }
    return UInt32(low) | UInt32(high) << 16
  }

  /// Vendor id at 0x00 (nil when 0xffff or unread).
  public var vendorID: UInt16? { word(0).flatMap { $0 == 0xffff ? nil : $0 } }
  /// Device id at 0x02.
  public var deviceID: UInt16? { word(2) }
  /// Header type (0 endpoint, 1 bridge, 2 CardBus), without the multi-function bit.
  public var headerType: UInt8? { byte(0x0e).map { $0 & 0x7f } }

  /// Offsets of standard capabilities by id, in list order (loops and bad pointers end the walk).
  public var capabilities: [(id: UInt8, offset: Int)] {
    guard let status = word(0x06), status & 0x10 != 0, headerType != 2, var pointer = byte(0x34).map(Int.init)
    else { return [] }
    var found: [(id: UInt8, offset: Int)] = []
    var seen = Set<Int>()
    while pointer >= 0x40, pointer < 0x100, seen.insert(pointer & ~3).inserted, let id = byte(pointer & ~3) {
      found.append((id, pointer & ~3))
      pointer = Int(byte((pointer & ~3) + 1) ?? 0)
    }
    return found
  }

  /// Offsets of extended capabilities (from 0x100, present only when 4096 bytes were readable).
  public var extendedCapabilities: [(id: UInt16, offset: Int)] {
    var found: [(id: UInt16, offset: Int)] = []
    var offset = 0x100
    var seen = Set<Int>()
    while offset >= 0x100, seen.insert(offset).inserted, let header = dword(offset), header != 0,
      header != 0xffff_ffff
    {
      found.append((UInt16(header & 0xffff), offset))
      offset = Int(header >> 20) & ~3
    }
    return found
  }

  /// The offset of standard capability `id`.
  func capability(_ id: UInt8) -> Int? { capabilities.first { $0.id == id }?.offset }
  /// The offset of extended capability `id`.
  func extendedCapability(_ id: UInt16) -> Int? { extendedCapabilities.first { $0.id == id }?.offset }
}

/// Standard and extended capability ids used here (PCI Express Base spec).
enum CapabilityID {
  static let express: UInt8 = 0x10
  static let aer: UInt16 = 0x01
  static let acs: UInt16 = 0x0d
  static let sriov: UInt16 = 0x10
}
