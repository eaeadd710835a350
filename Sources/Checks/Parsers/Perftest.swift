/// Results of the perftest tools (`ib_write_bw`, `ib_read_bw`, `ib_read_lat`, ...).
package enum Perftest {
  /// The average bandwidth in Gb/s of the last (largest) message size, from a `#bytes ... BW average[...]` table
  /// in Gb/sec (`--report_gbits`) or MB/sec.
  package static func bandwidthGbps(_ text: String) -> Double? {
    guard let (header, rows) = table(text), let column = header.firstIndex(where: { $0.hasPrefix("average[") })
    else { return nil }
    let unit = header[column]
    guard let row = rows.last(where: { $0.count > column }) else { return nil }
    let value = row[column]
    return unit.contains("Gb/sec") ? value : value * 8 / 1000
  }

  /// The average latency in microseconds of the last message size, from a `t_avg[usec]` table.
  package static func latencyMicroseconds(_ text: String) -> Double? {
    guard let (header, rows) = table(text), let column = header.firstIndex(of: "t_avg[usec]") else { return nil }
    guard let row = rows.last(where: { $0.count > column }) else { return nil }
    return row[column]
  }

  /// The header's words (`#bytes`, `#iterations`, `peak[Gb/sec]`... with `BW` dropped) and the numeric rows
  /// below it, up to the closing `----` line or the end; rows shorter than the header (cut excerpts) are kept, the
  /// callers check their length. Lines that are not rows (perftest prints `Conflicting CPU frequency values
  /// detected...` warnings inside the table) are skipped.
  static func table(_ text: String) -> ([String], [[Double]])? {
    let lines = text.lines
    guard let start = lines.firstIndex(where: { $0.trimmed.hasPrefix("#bytes") }) else { return nil }
    let header = lines[start].words.filter { $0 != "BW" && $0 != "99%" && $0 != "99.9%" }
    var rows: [[Double]] = []
    for line in lines[(start + 1)...] {
      let words = line.words
      if words.first?.hasPrefix("---") == true || line.trimmed.hasPrefix("#bytes") { break }
      guard let first = words.first, Int(first) != nil else { continue }
      let numbers = words.compactMap { Double($0) }
      if numbers.count >= 3 { rows.append(numbers) }
    }
    return (header, rows)
  }
}
