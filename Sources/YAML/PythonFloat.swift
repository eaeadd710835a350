/// Python's `repr(float)`: shortest round-trip digits, fixed notation for 1e-4 <= |x| < 1e16
/// (`1000.0`, `0.0001`), exponent otherwise (`1e-05`, `6.02e+23`).
public enum PythonFloat {
  /// `repr(value)`; `inf`, `-inf`, `nan` for the non-finite values.
  public static func repr(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
    let (digits, point) = shortestDigits(abs(value))
    let sign = value < 0 ? "-" : ""
    if point > -4 && point <= 16 { return sign + fixed(digits, point) }
    return sign + scientific(digits, point)
  }

  /// Significant digits (no leading/trailing zeros) and the decimal point position: value = 0.DIGITS × 10^point.
  static func shortestDigits(_ value: Double) -> ([UInt8], Int) {
    var mantissa: [UInt8] = []
    var pointInMantissa: Int?
    var exponent = 0
    var chars = Array(value.description.utf8)[...]
    while let c = chars.first, c != UInt8(ascii: "e") {
      chars.removeFirst()
      if c == UInt8(ascii: ".") { pointInMantissa = mantissa.count } else { mantissa.append(c) }
    }
    if !chars.isEmpty { exponent = Int(String(decoding: chars.dropFirst(), as: UTF8.self)) ?? 0 }
    var point = (pointInMantissa ?? mantissa.count) + exponent
    while mantissa.first == UInt8(ascii: "0") {
      mantissa.removeFirst()
      point -= 1
    }
    while mantissa.last == UInt8(ascii: "0") { mantissa.removeLast() }
    return (mantissa, point)
  }

  private static func fixed(_ digits: [UInt8], _ point: Int) -> String {
    let text = String(decoding: digits, as: UTF8.self)
    if point <= 0 { return "0." + String(repeating: "0", count: -point) + text }
    if point >= digits.count { return text + String(repeating: "0", count: point - digits.count) + ".0" }
    return String(decoding: digits[..<point], as: UTF8.self) + "." + String(decoding: digits[point...], as: UTF8.self)
  }

  private static func scientific(_ digits: [UInt8], _ point: Int) -> String {
    var text = String(decoding: digits[..<1], as: UTF8.self)
    if digits.count > 1 { text += "." + String(decoding: digits[1...], as: UTF8.self) }
    let exponent = point - 1
    let magnitude = String(abs(exponent))
    return text + (exponent < 0 ? "e-" : "e+") + (magnitude.count < 2 ? "0" : "") + magnitude
  }
}
