import YAML

/// A number as Python sees it: `bool` is an `int`.
private enum PythonNumber {
  case int(Int)
  case float(Double)

  init?(_ value: YAMLValue) {
    switch value {
    case .bool(let flag): self = .int(flag ? 1 : 0)
    case .int(let number): self = .int(number)
    case .float(let number): self = .float(number)
    default: return nil
    }
  }

  var double: Double {
    switch self {
    case .int(let number): return Double(number)
    case .float(let number): return number
    }
  }
}

extension PythonValue {
  /// Python `a == b` (also dict-key equality: `1`, `1.0` and `True` are the same key).
  static func equal(_ a: YAMLValue, _ b: YAMLValue) -> Bool {
    if let x = PythonNumber(a), let y = PythonNumber(b) {
      if case .int(let i) = x, case .int(let j) = y { return i == j }
      return x.double == y.double
    }
    switch (a, b) {
    case (.null, .null): return true
    case (.string(let x), .string(let y)): return x.utf8.elementsEqual(y.utf8)
    case (.timestamp(let x), .timestamp(let y)): return x == y
    case (.binary(let x), .binary(let y)): return x == y
    case (.sequence(let x), .sequence(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { equal($0.value, $1.value) }
    case (.set(let x), .set(let y)):
      return x.count == y.count && x.allSatisfy { item in y.contains { equal(item.value, $0.value) } }
    case (.mapping(let x), .mapping(let y)):
      guard x.count == y.count else { return false }
      return x.allSatisfy { pair in
        guard let other = y.first(where: { equal($0.key.value, pair.key.value) }) else { return false }
        return equal(other.value.value, pair.value.value)
      }
    default: return false
    }
  }

  /// True when Python can hash `value` (lists, dicts and sets cannot be dict keys).
  static func isHashable(_ value: YAMLValue) -> Bool {
    switch value {
    case .sequence, .mapping, .set: return false
    default: return true
    }
  }

  /// Python `a + b` for non-container-merge cases; the error is CPython's `TypeError` text.
  static func add(_ a: YAMLValue, _ b: YAMLValue) -> Result<YAMLValue, PythonError> {
    if let x = PythonNumber(a), let y = PythonNumber(b) { return arithmetic(x, y, subtract: false) }
    switch (a, b) {
    case (.string(let x), .string(let y)): return .success(.string(x + y))
    case (.sequence(let x), .sequence(let y)): return .success(.sequence(x + y))
    case (.binary(let x), .binary(let y)): return .success(.binary(x + y))
    case (.sequence, _):
      return .failure(PythonError("can only concatenate list (not \"\(typeName(b, qualified: true))\") to list"))
    case (.string, _):
      return .failure(PythonError("can only concatenate str (not \"\(typeName(b, qualified: true))\") to str"))
    case (.binary, _):
      return .failure(PythonError("can't concat \(typeName(b, qualified: true)) to bytes"))
    default: return .failure(unsupported("+", a, b))
    }
  }

  /// Python `a - b` for numbers (fmf only subtracts numbers).
  static func subtract(_ a: YAMLValue, _ b: YAMLValue) -> Result<YAMLValue, PythonError>? {
    guard let x = PythonNumber(a), let y = PythonNumber(b) else { return nil }
    return arithmetic(x, y, subtract: true)
  }

  /// True when `value` is an `int`, `float` or `bool`.
  static func isNumber(_ value: YAMLValue) -> Bool { PythonNumber(value) != nil }

  private static func arithmetic(_ x: PythonNumber, _ y: PythonNumber, subtract: Bool) -> Result<
    YAMLValue, PythonError
  > {
    if case .int(let i) = x, case .int(let j) = y {
      let (result, overflow) = subtract ? i.subtractingReportingOverflow(j) : i.addingReportingOverflow(j)
      if overflow { return .failure(PythonError("integer result out of the supported 64-bit range")) }
      return .success(.int(result))
    }
    return .success(.float(subtract ? x.double - y.double : x.double + y.double))
  }

  private static func unsupported(_ op: String, _ a: YAMLValue, _ b: YAMLValue) -> PythonError {
    PythonError(
      "unsupported operand type(s) for \(op): '\(typeName(a, qualified: true))' and '\(typeName(b, qualified: true))'")
  }
}

/// The text of a Python exception fmf would raise (or crash with).
struct PythonError: Error, Sendable {
  /// The exception text.
  var message: String
  init(_ message: String) { self.message = message }
}
