public import HPCBasics
public import TMTModel
internal import YAML

extension ResultsYAML {
  /// Reads a results.yaml as `read(_:file:)` does, faster for the text hpctest itself writes: that goes through
  /// `EmittedYAMLReader` (bytes, line by line); anything else (tmt's folded lines, hand edits, errors) through the
  /// full reader, so the results and the diagnostics are the same either way.
  package static func readFast(_ text: String, file: String) throws(Diagnostic) -> [TestResult] {
    if let tree = try? EmittedYAMLReader.parse(text), case .sequence(let items) = tree,
      let results = try? items.map({ (item) throws(Problem) in try result(item) })
    {
      return results
    }
    return try read(text, file: file)
  }

  /// `text` (a results.yaml this emitter wrote for `count` results) with every result's `guest:` set to `guest`,
  /// rewriting only those lines: the same text as rendering the results again with that guest. Nil when the text
  /// does not hold exactly `count` guest blocks in the emitter's layout.
  package static func replacingGuests(in text: String, with guest: ResultGuest, count: Int) -> String? {
    let values = [guest.name, guest.primaryAddress, guest.role].map {
      $0.map { YAMLEmitter.scalar($0, profile: .results) } ?? "null"
    }
    let lines = "    name: \(values[0])\n    primary-address: \(values[1])\n    role: \(values[2])\n"
    var text = text
    return text.withUTF8 { bytes in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + count * lines.utf8.count)
      var found = 0
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        end = min(end + 1, bytes.count)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        start = end
        guard out.count >= guestHead.count, isGuestHead(out) else { continue }
        guard let next = skipGuestFields(bytes, from: start) else { return nil }
        out.append(contentsOf: lines.utf8)
        start = next
        found += 1
      }
      return found == count ? String(decoding: out, as: UTF8.self) : nil
    }
  }

  private static let guestHead = Array(
    "  guest:\n    __class__:\n      module: tmt.result\n      name: ResultGuestData\n".utf8)
  private static let guestFields = ["    name: ", "    primary-address: ", "    role: "].map { Array($0.utf8) }

  /// True when `out` ends with a whole guest head (the four lines before its fields).
  private static func isGuestHead(_ out: [UInt8]) -> Bool {
    let start = out.count - guestHead.count
    guard start == 0 || out[start - 1] == 0x0A else { return false }
    return out[start...].elementsEqual(guestHead)
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
