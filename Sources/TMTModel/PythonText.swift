public import YAML

/// Python's `str()` and `repr()` of YAML-loaded values, as tmt shows them (`True`, `None`, `[1, 2]`, `{'a': 1}`).
package enum PythonText {
  /// `str(value)`: strings as-is, dates in ISO form, everything else as `repr`.
  package static func str(_ node: YAMLNode) -> String {
    switch node.value {
    case .string(let text): text
    case .timestamp(let text): text.replacingSpaceT()
    default: repr(node)
    }
  }

  /// `repr(value)` of a YAML-loaded Python value.
  package static func repr(_ node: YAMLNode) -> String {
    switch node.value {
    case .null: "None"
    case .bool(let flag): flag ? "True" : "False"
    case .int(let number): String(number)
    case .float(let number): float(number)
    case .string(let text): quote(text)
    case .timestamp(let text): timestampRepr(text)
    case .binary(let bytes): "b" + quote(String(decoding: bytes, as: UTF8.self))
    case .set(let items): items.isEmpty ? "set()" : "{" + items.map(repr).joined(separator: ", ") + "}"
    case .sequence(let items): "[" + items.map(repr).joined(separator: ", ") + "]"
    case .mapping(let pairs):
      "{" + pairs.map { repr($0.key) + ": " + repr($0.value) }.joined(separator: ", ") + "}"
    }
  }

  /// Python's `repr(float)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16.
  package static func float(_ number: Double) -> String {
    if number.isNaN { return "nan" }
    if number.isInfinite { return number < 0 ? "-inf" : "inf" }
    let (negative, digits, exponent) = decompose(number)
    let sign = negative ? "-" : ""
    if exponent < -4 || exponent >= 16 {
      var mantissa = String(digits.first!)
      if digits.count > 1 { mantissa += "." + digits.dropFirst() }
      let exponentText = abs(exponent) < 10 ? "0\(abs(exponent))" : "\(abs(exponent))"
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exponentText
    }
    if exponent < 0 { return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits }
    if digits.count <= exponent + 1 {
      return sign + digits + String(repeating: "0", count: exponent + 1 - digits.count) + ".0"
    }
    let split = digits.index(digits.startIndex, offsetBy: exponent + 1)
    return sign + digits[..<split] + "." + digits[split...]
  }

  /// Sign, significant digits and decimal exponent of Swift's shortest representation.
  private static func decompose(_ number: Double) -> (Bool, String, Int) {
    var text = "\(number)"
    let negative = text.hasPrefix("-")
    if negative { text.removeFirst() }
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = Int(text[text.index(after: e)...]) ?? 0
      text = String(text[..<e])
    }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    let whole = String(parts[0])
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    var digits = whole + fraction
    exponent += whole.count - 1
    while digits.hasPrefix("0") && digits.count > 1 {
      digits.removeFirst()
      exponent -= 1
    }
    while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
    if digits == "0" { exponent = 0 }
    return (negative, digits, exponent)
  }

  /// Python's `repr(str)`: single quotes unless the text holds `'` and no `"`.
  package static func quote(_ text: String) -> String {
    let useDouble = text.contains("'") && !text.contains("\"")
    let delimiter: Character = useDouble ? "\"" : "'"
    var out = String(delimiter)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if Character(scalar) == delimiter {
          out += "\\" + String(delimiter)
        } else if scalar.value < 0x20 || scalar.value == 0x7F {
          out += "\\x" + hex(scalar.value, width: 2)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out.append(delimiter)
    return out
  }

  /// Lower-case hexadecimal, zero-padded to `width`.
  package static func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// `datetime.date(2024, 1, 1)` for a date; datetimes keep their ISO text.
  private static func timestampRepr(_ text: String) -> String {
    let parts = text.split(separator: "-")
    guard text.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return "datetime.datetime(\(quote(text)))" }
    return "datetime.date(\(y), \(m), \(d))"
  }
}

extension String {
  /// Python's `str(datetime)` separates date and time with a space, `isoformat()` with `T`.
  fileprivate func replacingSpaceT() -> String {
    guard count > 10, let t = firstIndex(of: "T") else { return self }
    var copy = self
    copy.replaceSubrange(t...t, with: " ")
    return copy
  }
}
