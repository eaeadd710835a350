/// One PCIe link state: speed in GT/s and width in lanes (either may be unknown).
public struct PCILink: Sendable, Hashable, CustomStringConvertible {
  /// Transfer rate in GT/s (2.5, 5, 8, 16, 32, 64).
  public var speed: Double?
  /// Lane count (1, 2, 4, 8, 16, 32).
  public var width: Int?

  /// Creates a link state.
  public init(speed: Double?, width: Int?) {
    self.speed = speed
    self.width = width
  }

  /// The PCIe generation of `speed` (1 for 2.5 GT/s … 6 for 64 GT/s), or nil.
  public var generation: Int? {
    guard let speed else { return nil }
    return PCILink.speeds.firstIndex(of: speed).map { $0 + 1 }
  }

  /// `32.0 GT/s x16`, with `?` for unknown parts.
  public var description: String {
    let speedText = speed.map { PCILink.formatSpeed($0) + " GT/s" } ?? "? GT/s"
    return "\(speedText) x\(width.map(String.init) ?? "?")"
  }

  /// True when both parts are known and at least those of `other`.
  public func meets(_ other: PCILink) -> Bool {
    guard let speed, let width, let wantSpeed = other.speed, let wantWidth = other.width else { return true }
    return speed >= wantSpeed && width >= wantWidth
  }

  /// Speeds by PCIe generation.
  static let speeds: [Double] = [2.5, 5, 8, 16, 32, 64]

  /// The speed of a config-space Link Speed code (1 = 2.5 GT/s … 6 = 64 GT/s).
  static func speed(code: Int) -> Double? {
    code >= 1 && code <= speeds.count ? speeds[code - 1] : nil
  }

  /// `2.5`, `8.0`, `32.0` as the kernel prints them.
  public static func formatSpeed(_ speed: Double) -> String {
    let tenths = Int((speed * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }

  /// Parses sysfs `current_link_speed` (`32.0 GT/s PCIe`, `8 GT/s`, `2.5 GT/s`); nil for `Unknown` or garbage.
  public static func parseSpeed(_ text: String) -> Double? {
    let first = text.split(separator: " ").first.map(String.init) ?? ""
    guard Sysfs.bytes(of: text, contain: "GT/s"), let value = Double(first), value > 0, value < 1000 else { return nil }
    return value
  }

  /// Parses sysfs `current_link_width` (`16`); nil for `0`, garbage or missing.
  public static func parseWidth(_ text: String) -> Int? {
    guard let value = Int(text), value > 0, value <= 32 else { return nil }
    return value
  }
}
