#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The current time as `date --utc +%FT%T.%6N%:z` prints it: `2026-11-26T06:23:54.410050+00:00`.
package enum UTCTimestamp {
  /// Now.
  package static func now() -> String {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return format(seconds: Int(spec.tv_sec), microseconds: Int(spec.tv_nsec) / 1000)
  }

  /// The timestamp of `seconds` since the epoch plus `microseconds`.
  package static func format(seconds: Int, microseconds: Int) -> String {
    var time = time_t(seconds)
    var parts = tm()
    gmtime_r(&time, &parts)
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    let date = "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))"
    let clock = "\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2))"
    return "\(date)T\(clock).\(pad(microseconds, 6))+00:00"
  }
}
