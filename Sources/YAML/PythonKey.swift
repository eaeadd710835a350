/// A mapping key under Python's equality and hashing: `1 == 1.0 == True`, `0 == False`, lists as tuples,
/// aware datetimes equal when they denote the same instant. Used for duplicate-key detection and merges.
enum PythonKey: Hashable {
  case none
  case integer(Int)
  case float(UInt64)
  case nan
  case string(String)
  case bytes([UInt8])
  case date(String)
  case naiveDateTime(String)
  case instant(seconds: Int, microsecond: Int)
  indirect case tuple([PythonKey])

  /// The Python type name of an unhashable value found inside `value`, if any.
  static func unhashableType(_ value: YAMLValue) -> String? {
    switch value {
    case .mapping: "dict"
    case .set: "set"
    case .sequence(let items): items.lazy.compactMap { unhashableType($0.value) }.first
    default: nil
    }
  }

  /// The key for a hashable value (callers check `unhashableType` first).
  init(_ value: YAMLValue) {
    switch value {
    case .null: self = .none
    case .bool(let flag): self = .integer(flag ? 1 : 0)
    case .int(let number): self = .integer(number)
    case .float(let number): self = PythonKey.number(number)
    case .string(let text): self = .string(text)
    case .binary(let bytes): self = .bytes(bytes)
    case .timestamp(let text): self = PythonKey.timestamp(text)
    case .sequence(let items), .set(let items): self = .tuple(items.map { PythonKey($0.value) })
    case .mapping: self = .tuple([])
    }
  }

  private static func number(_ value: Double) -> PythonKey {
    if value.isNaN { return .nan }
    if value == value.rounded(), abs(value) < 9.2e18 { return .integer(Int(value)) }
    return .float(value.bitPattern)
  }

  private static func timestamp(_ text: String) -> PythonKey {
    guard case .success(let stamp) = TimestampParser.parse(text), let time = stamp.time else { return .date(text) }
    guard let offset = stamp.offsetMinutes else { return .naiveDateTime(text) }
    let days = Timestamp.daysFromCivil(stamp.year, stamp.month, stamp.day)
    let seconds = days * 86400 + time.hour * 3600 + (time.minute - offset) * 60 + time.second
    return .instant(seconds: seconds, microsecond: time.microsecond)
  }
}
