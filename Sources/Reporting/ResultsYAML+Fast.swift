public import HPCBasics
public import TMTModel
internal import YAML

#if canImport(Glibc)
  import Glibc
#endif

extension ResultsYAML {
  /// Reads a results.yaml as `read(_:file:)` does, faster for the text hpctest itself writes: that goes through
  /// `EmittedYAMLReader.results` (bytes, line by line, straight into results); anything else (tmt's folded lines,
  /// hand edits, errors) through the full reader, so the results and the diagnostics are the same either way.
  package static func readFast(_ text: String, file: String) throws(Diagnostic) -> [TestResult] {
    if let results = try? EmittedYAMLReader.results(text) { return results }
    return try read(text, file: file)
  }

  /// `text` (a results.yaml this emitter wrote for `count` results) with every result's `guest:` set to `guest`,
  /// rewriting only those lines: the same text as rendering the results again with that guest. Nil when the text
  /// does not hold exactly `count` guest blocks in the emitter's layout.
  package static func replacingGuests(in text: String, with guest: ResultGuest, count: Int) -> String? {
    let values = [guest.name, guest.primaryAddress, guest.role].map {
      $0.map { YAMLEmitter.scalar($0, profile: .results) } ?? "null"
    }
    let lines = Array("    name: \(values[0])\n    primary-address: \(values[1])\n    role: \(values[2])\n".utf8)
    var text = text
    return text.withUTF8 { bytes in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + count * lines.count)
      var found = 0
      var start = 0
      while start < bytes.count {
        let end = lineEnd(bytes, from: start)
        let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
        out.append(contentsOf: line)
        start = end
        // Only a line that ends a guest head (`      name: ResultGuestData`) can make `out` end with one.
        guard same(line, guestHeadLast), isGuestHead(out) else { continue }
        guard let next = skipGuestFields(bytes, from: start) else { return nil }
        out.append(contentsOf: lines)
        start = next
        found += 1
      }
      return found == count ? String(decoding: out, as: UTF8.self) : nil
    }
  }

  /// Where the line at `start` ends, its line break included (the text's end for a last line without one).
  private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard let base = bytes.baseAddress, let found = memchr(base + start, 0x0A, bytes.count - start) else {
      return bytes.count
    }
    return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) + 1
  }

  /// True when `line` holds exactly the bytes of `expected`.
  private static func same(_ line: UnsafeBufferPointer<UInt8>, _ expected: [UInt8]) -> Bool {
    line.count == expected.count
      && expected.withUnsafeBufferPointer { memcmp(line.baseAddress!, $0.baseAddress!, line.count) == 0 }
  }

  private static let guestHead = Array(
    "  guest:\n    __class__:\n      module: tmt.result\n      name: ResultGuestData\n".utf8)
  private static let guestHeadLast = Array("      name: ResultGuestData\n".utf8)
  private static let guestFields = ["    name: ", "    primary-address: ", "    role: "].map { Array($0.utf8) }

  /// True when `out` ends with a whole guest head (the four lines before its fields).
  private static func isGuestHead(_ out: [UInt8]) -> Bool {
    let start = out.count - guestHead.count
    guard start == 0 || out[start - 1] == 0x0A else { return false }
    return out.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, guestHead, guestHead.count) == 0 }
  }

  /// Where the line after the guest's `name`, `primary-address` and `role` lines starts; nil when they are not
  /// there, one line each, or more guest keys follow.
  private static func skipGuestFields(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var position = start
    for field in guestFields {
      guard bytes.count - position > field.count,
        UnsafeBufferPointer(rebasing: bytes[position..<position + field.count]).elementsEqual(field)
      else { return nil }
      while position < bytes.count, bytes[position] != 0x0A { position += 1 }
      position += 1
    }
    let deeper = position + 4 < bytes.count && bytes[position..<position + 4].allSatisfy { $0 == 0x20 }
    return position <= bytes.count && !deeper ? position : nil
  }
}
