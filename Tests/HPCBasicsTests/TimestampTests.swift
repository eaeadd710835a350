import HPCBasics
import Testing

@Suite struct TimestampTests {
  /// Instants and their text as `date --utc -d @S +%FT%T.%6N%:z` prints it (with the microseconds put in), which
  /// is Python's `isoformat()` except that a zero fraction is kept (`.000000`), as tmt-report-result writes it.
  @Test(
    arguments: [
      (1_795_674_234, 410_050, "2026-11-26T06:23:54.410050+00:00"),
      (0, 0, "1970-01-01T00:00:00.000000+00:00"),
      (951_782_400, 999_999, "2000-02-29T00:00:00.999999+00:00"),
      (-62_135_596_800, 7, "0001-01-01T00:00:00.000007+00:00"),
      (253_402_300_799, 1, "9999-12-31T23:59:59.000001+00:00"),
    ])
  func isoFormatIsPythons(seconds: Int, microseconds: Int, expected: String) {
    #expect(Timestamp(seconds: seconds, microseconds: microseconds).iso8601 == expected)
  }

  @Test(arguments: [(0, "00:00:00"), (59, "00:00:59"), (3_661, "01:01:01"), (360_000, "100:00:00")])
  func clockRoundTrips(seconds: Int, text: String) {
    #expect(Timestamp.clock(seconds: seconds) == text)
    #expect(Timestamp.seconds(ofClock: text) == seconds)
  }

  @Test func elapsedTruncatesAndNeverGoesNegative() {
    let start = Timestamp(seconds: 10, microseconds: 900_000)
    #expect(Timestamp.elapsed(from: start, to: Timestamp(seconds: 12, microseconds: 899_999)) == 1)
    #expect(Timestamp.elapsed(from: start, to: Timestamp(seconds: 12, microseconds: 900_000)) == 2)
    #expect(Timestamp.elapsed(from: start, to: Timestamp(seconds: 9, microseconds: 0)) == 0)
    #expect(Timestamp.now() > start)
  }
}
