public import HPCBasics
public import YAML

/// One `[op] value` hardware value, as tmt's `Constraint._from_specification` reads it.
enum HardwareValueParser {
  /// Operator signs in tmt's regex alternation order (`=~` is the legacy spelling of `~`).
  private static let signs: [(String, HardwareOperator)] = [
    ("==", .equal), ("!=", .notEqual), ("~", .match), ("!~", .notMatch), ("=~", .match), ("=", .equal),
    (">=", .greaterOrEqual), (">", .greater), ("<=", .lessOrEqual), ("<", .less),
  ]

  /// Parses `raw` for the requirement `name` of `key`'s kind.
  static func constraint(_ name: String, _ raw: String, key: HardwareKey, at node: YAMLNode) throws(Diagnostic)
    -> HardwareConstraint
  {
    guard let (op, text) = split(raw) else {
      throw Diagnostic.error("Failed to parse a hardware constraint '\(name): \(raw)'.", at: node.location)
    }
    let allowed = key.operators ?? key.kind.defaultOperators
    guard allowed.contains(op) else {
      throw Diagnostic.error(
        "Operator '\(op.rawValue)' is not allowed for hardware requirement '\(name)' (allowed: "
          + allowed.map(\.rawValue).joined(separator: ", ") + ").", at: node.location)
    }
    var constraint = HardwareConstraint(name: name, op: op, raw: text, value: .text(text))
    switch key.kind {
    case .text: break
    case .flag: constraint.value = .flag(text.lowercased() == "true")
    case .integer: constraint.value = .integer(try integer(text, name: name, at: node))
    case .size, .number:
      let quantity = HardwareUnits.quantity(text, defaultUnit: key.defaultUnit ?? "B", size: key.kind == .size)
      guard let quantity else {
        throw Diagnostic.error(
          key.kind == .size
            ? "Invalid unit in '\(name): \(raw)': expected a data size unit (e.g., MB, MiB, GB)"
            : "Invalid number in '\(name): \(raw)'.", at: node.location)
      }
      constraint.quantity = quantity
      constraint.value =
        key.kind == .size
        ? .size(bytes: HardwareUnits.bytes(quantity) ?? 0)
        : .number(HardwareUnits.inDefaultUnit(quantity, key.defaultUnit))
    }
    return constraint
  }

  /// `^(op)?\s*(.+?)\s*$` with tmt's alternation order; nil when nothing is left for the value.
  static func split(_ raw: String) -> (HardwareOperator, String)? {
    for (sign, op) in signs where raw.hasPrefix(sign) {
      if let value = value(String(raw.dropFirst(sign.count))) { return (op, value) }
    }
    return value(raw).map { (.equal, $0) }
  }

  private static func value(_ rest: String) -> String? {
    guard !rest.contains("\n") else { return nil }
    var text = Substring(rest)
    while let first = text.first, first.isWhitespace, text.count > 1 { text.removeFirst() }
    while let last = text.last, last.isWhitespace, text.count > 1 { text.removeLast() }
    return text.isEmpty ? nil : String(text)
  }

  /// tmt's `_cast_int`: `0x` hexadecimal or Python `int()`.
  private static func integer(_ text: String, name: String, at node: YAMLNode) throws(Diagnostic) -> Int {
    let trimmed = text.strippingWhitespace
    if trimmed.hasPrefix("0x"), let value = Int(trimmed.dropFirst(2), radix: 16) { return value }
    do throws(PythonInt.Failure) { return try PythonInt.convert(YAMLNode(.string(trimmed))) } catch {
      throw Diagnostic.error("\(error.message) (hardware requirement '\(name)')", at: node.location)
    }
  }
}
