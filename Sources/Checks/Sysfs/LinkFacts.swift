/// A PCIe link: speed and width as trained now and the maximum the device supports.
package struct LinkFacts: Sendable, Hashable {
  /// The device whose link this is.
  package var address: String
  /// `current_link_speed` in GT/s.
  package var currentSpeed: Double?
  /// `current_link_width`.
  package var currentWidth: Int?
  /// `max_link_speed` in GT/s.
  package var maxSpeed: Double?
  /// `max_link_width`.
  package var maxWidth: Int?

  /// Creates link facts.
  package init(
    address: String, currentSpeed: Double? = nil, currentWidth: Int? = nil, maxSpeed: Double? = nil,
    maxWidth: Int? = nil
  ) {
    self.address = address
    self.currentSpeed = currentSpeed
    self.currentWidth = currentWidth
    self.maxSpeed = maxSpeed
    self.maxWidth = maxWidth
  }

  /// Parses `32.0 GT/s PCIe`, `8 GT/s` or `2.5 GT/s` (nil for `Unknown`).
  package static func parseSpeed(_ text: String?) -> Double? {
    guard let text, text.contains("GT/s") else { return nil }
    return text.leadingNumber
  }

  /// The PCIe generation of a speed in GT/s (2.5 → 1 ... 64 → 6).
  package static func generation(_ speed: Double) -> Int {
    switch speed {
    case ..<4: 1
    case ..<7: 2
    case ..<12: 3
    case ..<24: 4
    case ..<48: 5
    default: 6
    }
  }

  /// The speed in GT/s of a PCIe generation.
  package static func speed(generation: Int) -> Double {
    [0: 0, 1: 2.5, 2: 5, 3: 8, 4: 16, 5: 32, 6: 64][generation] ?? 0
  }

  /// `16.0 GT/s x8` (with `?` for unknown parts).
  package static func describe(speed: Double?, width: Int?) -> String {
    "\(speed.map { $0.formatted(1) } ?? "?") GT/s x\(width.map(String.init) ?? "?")"
  }
}
