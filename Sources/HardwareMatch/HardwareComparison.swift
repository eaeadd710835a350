import HardwareProbe
import TMTModel

/// Applies one operator to an observed value and a requirement value.
enum HardwareComparison {
  /// True or false, or nil when the two cannot be compared (a text against a number).
  static func holds(_ actual: FactValue, _ op: HardwareOperator, _ wanted: HardwareValue) -> Bool? {
    switch actual {
    case .text(let text): return compareText(text, op, wanted)
    case .number(let number): return compareNumber(number, op, wanted)
    case .flag(let flag): return compareFlag(flag, op, wanted)
    case .set(let items): return compareSet(items, op, wanted)
    case .path(let path): return comparePath(path, op, wanted)
    }
  }

  /// The requirement value as text (`8 GB` stays as written by the parser's typed value).
  static func text(_ value: HardwareValue) -> String {
    switch value {
    case .text(let text): text
    case .integer(let number): String(number)
    case .number(let number): String(number)
    case .size(let bytes): String(bytes)
    case .flag(let flag): String(flag)
    }
  }

  /// The requirement value as a number: integers, sizes in bytes, `0x10de`, decimal text, `8 GB`-like text.
  static func number(_ value: HardwareValue) -> Double? {
    switch value {
    case .integer(let number): Double(number)
    case .number(let number): number
    case .size(let bytes): bytes
    case .flag: nil
    case .text(let text): parseNumber(text)
    }
  }

  static func parseNumber(_ text: String) -> Double? {
    let trimmed = text.split(separator: " ").joined(separator: " ")
    if trimmed.hasPrefix("0x"), let value = UInt64(trimmed.dropFirst(2), radix: 16) { return Double(value) }
    if let value = Double(trimmed) { return value }
    let parts = trimmed.split(separator: " ")
    guard parts.count == 2, let value = Double(parts[0]), let unit = units[String(parts[1])] else { return nil }
    return value * unit
  }

  static let units: [String: Double] = [
    "B": 1, "bytes": 1, "kB": 1e3, "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12, "KiB": 1024, "MiB": 1_048_576,
    "GiB": 1_073_741_824, "TiB": 1_099_511_627_776, "Gb/s": 1, "Gbps": 1, "GT/s": 1,
  ]

  private static func compareText(_ text: String, _ op: HardwareOperator, _ wanted: HardwareValue) -> Bool? {
    let pattern = self.text(wanted)
    switch op {
    case .equal: return text == pattern
    case .notEqual: return text != pattern
    case .match, .notMatch:
      guard let regex = try? Regex(pattern) else { return nil }
      let found = (try? regex.prefixMatch(in: text)) != nil
      return op == .match ? found : !found
    case .contains: return text.contains(pattern)
    case .notContains, .notContainsExclusive: return !text.contains(pattern)
    default:
      guard let left = parseNumber(text), let right = number(wanted) else { return nil }
      return order(left, op, right)
    }
  }

  private static func compareNumber(_ actual: Double, _ op: HardwareOperator, _ wanted: HardwareValue) -> Bool? {
    if op == .match || op == .notMatch {
      return compareText(FactValue.number(actual).display, op, wanted)
    }
    guard let right = number(wanted) else { return nil }
    return order(actual, op, right)
  }

  static func order(_ left: Double, _ op: HardwareOperator, _ right: Double) -> Bool? {
    switch op {
    case .equal, .contains: left == right
    case .notEqual, .notContains, .notContainsExclusive: left != right
    case .greater: left > right
    case .greaterOrEqual: left >= right
    case .less: left < right
    case .lessOrEqual: left <= right
    case .match, .notMatch: nil
    }
  }

  private static func compareFlag(_ actual: Bool, _ op: HardwareOperator, _ wanted: HardwareValue) -> Bool? {
    let want: Bool? =
      switch wanted {
      case .flag(let flag): flag
      case .text(let text):
        ["true", "yes", "1"].contains(text.lowercased())
          ? true : ["false", "no", "0"].contains(text.lowercased()) ? false : nil
      case .integer(let number): number != 0
      default: nil
      }
    guard let want else { return nil }
    switch op {
    case .equal: return actual == want
    case .notEqual: return actual != want
    default: return nil
    }
  }

  /// CPU flags: `==`/`~`/`contains` hold when some item equals/matches; negations when none does.
  private static func compareSet(_ items: [String], _ op: HardwareOperator, _ wanted: HardwareValue) -> Bool? {
    switch op {
    case .equal, .contains: return items.contains(text(wanted))
    case .notEqual, .notContains, .notContainsExclusive: return !items.contains(text(wanted))
    case .match: return items.contains { compareText($0, .match, wanted) == true }
    case .notMatch: return !items.contains { compareText($0, .match, wanted) == true }
    default: return nil
    }
  }

  /// Path classes compare by quality: `<= PXB` holds for PIX and PXB.
  private static func comparePath(_ path: PathClass, _ op: HardwareOperator, _ wanted: HardwareValue) -> Bool? {
    guard let want = PathClass(rawValue: text(wanted).uppercased()) else { return nil }
    let left = Double(PathClass.allCases.firstIndex(of: path)!)
    let right = Double(PathClass.allCases.firstIndex(of: want)!)
    return order(left, op, right)
  }
}
