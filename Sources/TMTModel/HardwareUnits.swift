/// The units tmt's hardware sizes and frequencies are written in (pint's names and abbreviations).
enum HardwareUnits {
  /// Unit spellings → (pint abbreviation, bytes per unit).
  static let sizes: [String: (String, Double)] = {
    var table: [String: (String, Double)] = ["B": ("B", 1), "byte": ("B", 1), "bytes": ("B", 1)]
    let decimal = [("k", "kilo"), ("M", "mega"), ("G", "giga"), ("T", "tera"), ("P", "peta"), ("E", "exa")]
    for (index, (short, long)) in decimal.enumerated() {
      let factor = pow1000(index + 1)
      table[short + "B"] = (short + "B", factor)
      table[long + "byte"] = (short + "B", factor)
      table[long + "bytes"] = (short + "B", factor)
    }
    let binary = [("Ki", "kibi"), ("Mi", "mebi"), ("Gi", "gibi"), ("Ti", "tebi"), ("Pi", "pebi"), ("Ei", "exbi")]
    for (index, (short, long)) in binary.enumerated() {
      let factor = pow1024(index + 1)
      table[short + "B"] = (short + "B", factor)
      table[long + "byte"] = (short + "B", factor)
      table[long + "bytes"] = (short + "B", factor)
    }
    return table
  }()

  /// Frequency units → MHz per unit.
  static let frequencies: [String: Double] = ["Hz": 1e-6, "kHz": 1e-3, "MHz": 1, "GHz": 1e3]

  private static func pow1000(_ n: Int) -> Double { (0..<n).reduce(1) { value, _ in value * 1000 } }
  private static func pow1024(_ n: Int) -> Double { (0..<n).reduce(1) { value, _ in value * 1024 } }

  /// `8 GB`, `8GB`, `8192` (default unit), `0.5 TiB`; nil when the number or (for sizes) the unit is invalid.
  static func quantity(_ text: String, defaultUnit: String, size: Bool) -> HardwareQuantity? {
    let number = text.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }
    let unitText = text.dropFirst(number.count).strippingWhitespaceSubstring
    let isInteger = Int(number) != nil
    guard let magnitude = Double(number) else { return nil }
    let unit = unitText.isEmpty ? defaultUnit : unitText
    if size {
      guard let known = sizes[unit] else { return nil }
      return HardwareQuantity(magnitude: magnitude, isInteger: isInteger, unit: known.0)
    }
    return HardwareQuantity(magnitude: magnitude, isInteger: isInteger, unit: unit)
  }

  /// The size in bytes, nil when the unit is not a size.
  static func bytes(_ quantity: HardwareQuantity) -> Double? {
    sizes[quantity.unit].map { quantity.magnitude * $0.1 }
  }

  /// A number expressed in `unit` when convertible (frequencies), else the magnitude as written.
  static func inDefaultUnit(_ quantity: HardwareQuantity, _ unit: String?) -> Double {
    if unit == "MHz", let factor = frequencies[quantity.unit] { return quantity.magnitude * factor }
    return quantity.magnitude
  }
}

extension Substring {
  /// The text without surrounding whitespace.
  fileprivate var strippingWhitespaceSubstring: String { String(self).strippingWhitespace }
}
