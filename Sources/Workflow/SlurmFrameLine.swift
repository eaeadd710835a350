#if canImport(Glibc)
  import Glibc
#endif

/// One line of a sweep's output cut into its frame fields (see `SlurmFrames`): srun's `--label` prefix skipped,
/// the `@hpctest<TAB>` marker checked, then up to three fields cut at a tab and the rest of the line as the last.
/// Shared by the chunk scanner (`SlurmFrameReader`) and the in-order replay (`SlurmFrameReplay`), so both read a
/// line the same way.
struct SlurmFrameLine {
  private static let marker = Array("@hpctest\t".utf8)

  /// Up to four fields of a frame: three cut at a tab, the rest of the line.
  struct Fields {
    var ranges: (Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0)
    var count = 0
    var start: Int
    let end: Int

    init(start: Int, end: Int) {
      self.start = start
      self.end = end
    }

    mutating func cut(at tab: Int) {
      switch count {
      case 0: ranges.0 = start..<tab
      case 1: ranges.1 = start..<tab
      default: ranges.2 = start..<tab
      }
      count += 1
      start = tab + 1
    }

    /// Field `index`; the one after the last cut is the rest of the line.
    subscript(index: Int) -> Range<Int> {
      guard index < count else { return start..<end }
      switch index {
      case 0: return ranges.0
      case 1: return ranges.1
      default: return ranges.2
      }
    }

    /// How many fields there are, the rest of the line included.
    var total: Int { count + 1 }

    /// Where the line ends.
    var lineEnd: Int { end }
  }

  /// The fields of the frame in `start..<end`; nil when the line is no frame (a scheduler message), and a value
  /// with fewer than two fields for a frame too short to mean anything.
  static func fields(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Fields? {
    var frame = start
    // srun's `--label` prefix: `  2: `.
    while frame < end, bytes[frame] == 0x20 || bytes[frame] == 0x3A || (0x30...0x39).contains(bytes[frame]) {
      frame += 1
    }
    guard end - frame > marker.count,
      marker.withUnsafeBytes({ memcmp(bytes.baseAddress! + frame, $0.baseAddress!, $0.count) }) == 0
    else { return nil }
    // NODE, KIND (or SEQ), then up to two more fields; the last one runs to the line's end.
    var fields = Fields(start: frame + marker.count, end: end)
    var position = fields.start
    while position < end, fields.count < 3 {
      if bytes[position] == 0x09 { fields.cut(at: position) }
      position += 1
    }
    return fields
  }

  /// True when the bytes at `range` are those at `other`.
  static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ other: Range<Int>) -> Bool {
    guard range.count == other.count, let base = bytes.baseAddress else { return false }
    return memcmp(base + range.lowerBound, base + other.lowerBound, range.count) == 0
  }

  /// The decimal number at `range` (a snapshot's SEQ); nil when it is not one.
  static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    guard !range.isEmpty, range.count < 18, bytes[range].allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
    return bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
  }

  /// The text at `range`.
  static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }
}
