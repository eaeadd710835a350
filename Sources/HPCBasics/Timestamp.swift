#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// A wall-clock instant with microseconds, formatted as tmt formats times. The one timestamp formatter of the
/// project (results.yaml, check results, `tmt-report-results.yaml`); parsing YAML timestamps is `YAML`'s.
package struct Timestamp: Sendable, Hashable, Comparable {
  /// Seconds since the epoch.
  package var seconds: Int
  /// Microseconds within the second.
  package var microseconds: Int

  /// Creates an instant.
  package init(seconds: Int, microseconds: Int) {
    self.seconds = seconds
    self.microseconds = microseconds
  }

  /// The current time (CLOCK_REALTIME).
  package static func now() -> Timestamp {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Timestamp(seconds: Int(spec.tv_sec), microseconds: Int(spec.tv_nsec) / 1000)
  }

  /// Orders instants.
  package static func < (a: Timestamp, b: Timestamp) -> Bool {
    (a.seconds, a.microseconds) < (b.seconds, b.microseconds)
  }

  /// Python's `isoformat()` of the UTC time, as `date --utc +%FT%T.%6N%:z` prints it:
  /// `2026-11-26T06:23:52.229858+00:00`.
  package var iso8601: String {
    var time = time_t(seconds)
    var parts = tm()
    gmtime_r(&time, &parts)
    let date = "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1))-\(pad(Int(parts.tm_mday)))"
    let clock = "\(pad(Int(parts.tm_hour))):\(pad(Int(parts.tm_min))):\(pad(Int(parts.tm_sec)))"
    return "\(date)T\(clock).\(pad(microseconds, 6))+00:00"
  }

  /// `HH:MM:SS` for a number of seconds (hours may exceed 99), as tmt writes durations.
  package static func clock(seconds: Int) -> String {
    "\(pad(seconds / 3600)):\(pad(seconds % 3600 / 60)):\(pad(seconds % 60))"
  }

  /// Whole seconds from `start` to `end` (truncated, as tmt truncates).
  package static func elapsed(from start: Timestamp, to end: Timestamp) -> Int {
    max(0, (end.seconds * 1_000_000 + end.microseconds - start.seconds * 1_000_000 - start.microseconds) / 1_000_000)
  }

  /// Seconds of an `HH:MM:SS` duration; 0 when it does not parse.
  package static func seconds(ofClock text: String) -> Int {
    let parts = text.split(separator: ":").compactMap { Int($0) }
    guard parts.count == 3 else { return 0 }
    return parts[0] * 3600 + parts[1] * 60 + parts[2]
  }
}

/// `value` with leading zeros to `width` digits.
private func pad(_ value: Int, _ width: Int = 2) -> String {
  let text = String(value)
  return String(repeating: "0", count: max(0, width - text.count)) + text
}
