/// A `!!timestamp` broken into fields, built the way ruamel's `create_timestamp` builds Python's
/// `datetime.date` / `datetime.datetime`.
struct Timestamp: Sendable, Hashable {
  var year: Int, month: Int, day: Int
  /// Time of day, nil for a date.
  var time: (hour: Int, minute: Int, second: Int, microsecond: Int)?
  /// UTC offset in minutes, nil for a naive datetime.
  var offsetMinutes: Int?

  static func == (a: Timestamp, b: Timestamp) -> Bool { a.isoformat == b.isoformat }
  func hash(into hasher: inout Hasher) { hasher.combine(isoformat) }

  /// Python's `isoformat()`: `2024-01-15`, `2024-01-15T10:20:30.500000+02:00`.
  var isoformat: String {
    var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    guard let time else { return text }
    text += "T" + pad(time.hour, 2) + ":" + pad(time.minute, 2) + ":" + pad(time.second, 2)
    if time.microsecond != 0 { text += "." + pad(time.microsecond, 6) }
    if let offsetMinutes {
      let magnitude = abs(offsetMinutes)
      text += (offsetMinutes < 0 ? "-" : "+") + pad(magnitude / 60, 2) + ":" + pad(magnitude % 60, 2)
    }
    return text
  }

  private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date.
  static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// Number of days in `month` of `year`.
  static func daysInMonth(_ year: Int, _ month: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}

/// Parses timestamps with ruamel's `timestamp_regexp` and validates them like Python's `datetime`.
enum TimestampParser {
  /// Matches `([Tt]|[ \t]+)\d\d?:\d\d:\d\d(\.\d*)?([ \t]*(Z|[-+]\d\d?(:\d\d)?))?` at the cursor.
  static func matchTime(_ cursor: inout ByteCursor) -> Bool {
    var fields = TimeFields()
    return scanTime(&cursor, into: &fields)
  }

  /// The raw time fields of a match.
  struct TimeFields {
    var hour = 0, minute = 0, second = 0
    var fraction: [UInt8] = []
    var zulu = false
    var offset: (negative: Bool, hours: Int, minutes: Int)?
  }

  static func scanTime(_ cursor: inout ByteCursor, into fields: inout TimeFields) -> Bool {
    let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
    if cursor.peek == UInt8(ascii: "T") || cursor.peek == UInt8(ascii: "t") {
      cursor.advance()
    } else if cursor.skip(while: isBlank) == 0 {
      return false
    }
    guard let hour = number(&cursor, 1...2), cursor.eat(UInt8(ascii: ":")),
      let minute = number(&cursor, 2...2), cursor.eat(UInt8(ascii: ":")),
      let second = number(&cursor, 2...2)
    else { return false }
    (fields.hour, fields.minute, fields.second) = (hour, minute, second)
    if cursor.eat(UInt8(ascii: ".")) {
      let start = cursor.index
      cursor.skip(while: ScalarResolver.isDigit)
      fields.fraction = Array(cursor.bytes[start..<cursor.index])
    }
    let beforeZone = cursor
    cursor.skip(while: isBlank)
    if cursor.eat(UInt8(ascii: "Z")) {
      fields.zulu = true
    } else if let sign = cursor.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
      cursor.advance()
      guard let hours = number(&cursor, 1...2) else { return false }
      var minutes = 0
      let beforeMinutes = cursor
      if cursor.eat(UInt8(ascii: ":")) {
        if let value = number(&cursor, 2...2) { minutes = value } else { cursor = beforeMinutes }
      }
      fields.offset = (sign == UInt8(ascii: "-"), hours, minutes)
    } else {
      cursor = beforeZone
    }
    return true
  }

  static func number(_ cursor: inout ByteCursor, _ range: ClosedRange<Int>) -> Int? {
    let start = cursor.index
    guard cursor.digits(range) else { return nil }
    return cursor.bytes[start..<cursor.index].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
  }

  /// The timestamp for `text`, or Python's error message (`failed to construct timestamp from "x"`,
  /// `month must be in 1..12`, ...).
  static func parse(_ text: String) -> Result<Timestamp, ConstructorFailure> {
    var bytes = text
    return bytes.withUTF8 { parse($0, original: text) }
  }

  private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, original: String) -> Result<
    Timestamp, ConstructorFailure
  > {
    var cursor = ByteCursor(bytes)
    let failed = ConstructorFailure(message: "failed to construct timestamp from \"\(original)\"")
    guard let year = number(&cursor, 4...4), cursor.eat(UInt8(ascii: "-")),
      let month = number(&cursor, 1...2), cursor.eat(UInt8(ascii: "-")),
      let day = number(&cursor, 1...2)
    else { return .failure(failed) }
    var fields: TimeFields?
    if !cursor.atEnd {
      var time = TimeFields()
      guard scanTime(&cursor, into: &time), cursor.atEnd else { return .failure(failed) }
      fields = time
    }
    return TimestampBuilder.build(year: year, month: month, day: day, time: fields)
  }
}
