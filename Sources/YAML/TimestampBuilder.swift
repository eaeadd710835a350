/// ruamel's `create_timestamp` plus Python's `datetime` range checks.
enum TimestampBuilder {
  /// Builds the value (fractions rounded to microseconds, `.9999995` carrying into the next second).
  static func build(year: Int, month: Int, day: Int, time: TimestampParser.TimeFields?)
    -> Result<Timestamp, ConstructorFailure>
  {
    if let error = checkDate(year, month, day) { return .failure(ConstructorFailure(message: error)) }
    var stamp = Timestamp(year: year, month: month, day: day)
    guard let time else { return .success(stamp) }
    if !(0...23).contains(time.hour) { return .failure(ConstructorFailure(message: "hour must be in 0..23")) }
    if !(0...59).contains(time.minute) { return .failure(ConstructorFailure(message: "minute must be in 0..59")) }
    if !(0...59).contains(time.second) { return .failure(ConstructorFailure(message: "second must be in 0..59")) }
    var microsecond = 0
    var carry = false
    if !time.fraction.isEmpty {
      let digits = time.fraction.prefix(6) + Array(repeating: UInt8(ascii: "0"), count: max(0, 6 - time.fraction.count))
      microsecond = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
      if time.fraction.count > 6 && time.fraction[6] > UInt8(ascii: "4") { microsecond += 1 }
      if microsecond > 999_999 {
        microsecond = 0
        carry = true
      }
    }
    if let offset = time.offset {
      let minutes = offset.hours * 60 + offset.minutes
      guard minutes < 24 * 60 else {
        return .failure(
          ConstructorFailure(
            message: "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)"))
      }
      stamp.offsetMinutes = offset.negative ? -minutes : minutes
    } else if time.zulu {
      stamp.offsetMinutes = 0
    }
    stamp.time = (time.hour, time.minute, time.second, microsecond)
    if carry { return addSecond(stamp) }
    return .success(stamp)
  }

  private static func checkDate(_ year: Int, _ month: Int, _ day: Int) -> String? {
    if !(1...9999).contains(year) { return "year \(year) is out of range" }
    if !(1...12).contains(month) { return "month must be in 1..12" }
    if !(1...Timestamp.daysInMonth(year, month)).contains(day) { return "day is out of range for month" }
    return nil
  }

  /// One second later, carrying through minutes, hours, days, months and years.
  private static func addSecond(_ stamp: Timestamp) -> Result<Timestamp, ConstructorFailure> {
    var result = stamp
    guard var time = stamp.time else { return .success(stamp) }
    time.second += 1
    if time.second == 60 { (time.second, time.minute) = (0, time.minute + 1) }
    if time.minute == 60 { (time.minute, time.hour) = (0, time.hour + 1) }
    if time.hour == 24 { (time.hour, result.day) = (0, result.day + 1) }
    if result.day > Timestamp.daysInMonth(result.year, result.month) {
      (result.day, result.month) = (1, result.month + 1)
    }
    if result.month == 13 { (result.month, result.year) = (1, result.year + 1) }
    if result.year > 9999 { return .failure(ConstructorFailure(message: "date value out of range")) }
    result.time = time
    return .success(result)
  }
}
