internal import YAML

extension EmittedYAMLReader {
  /// A one-line value: `{}`, `[]`, `null`, an integer, an alias, a quoted or a plain string.
  mutating func value(_ start: Int, _ end: Int) throws(Unsupported) -> YAMLTree {
    let first = bytes[start]
    let count = end - start
    if count == 2 && first == 0x7B && bytes[start + 1] == 0x7D { return .mapping([]) }
    if count == 2 && first == 0x5B && bytes[start + 1] == 0x5D { return .sequence([]) }
    if count == 4 && matches(start, "null") { return .null }
    switch first {
    case 0x27: return .string(try singleQuoted(start, end))
    case 0x22: return .string(try doubleQuoted(start, end))
    case 0x2A:
      let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start + 1..<end]), as: UTF8.self)
      guard let target = anchors[name] else { throw Unsupported() }
      return target
    default:
      if let integer = integer(start, end) { return .integer(integer) }
      return .string(try plain(start, end))
    }
  }

  private func matches(_ start: Int, _ word: StaticString) -> Bool {
    word.withUTF8Buffer { UnsafeBufferPointer(rebasing: bytes[start..<start + $0.count]).elementsEqual($0) }
  }

  /// `0` or `-?[1-9][0-9]*` (what YAML 1.1 reads as a decimal integer and PyYAML writes for one).
  private func integer(_ start: Int, _ end: Int) -> Int? {
    var position = start
    if bytes[position] == 0x2D { position += 1 }
    guard position < end, end - position <= 18, (0x30...0x39).contains(bytes[position]) else { return nil }
    if bytes[position] == 0x30 { return end - start == 1 ? 0 : nil }
    var value = 0
    while position < end {
      guard (0x30...0x39).contains(bytes[position]) else { return nil }
      value = value * 10 + Int(bytes[position] - 0x30)
      position += 1
    }
    return bytes[start] == 0x2D ? -value : value
  }

  /// A plain scalar that YAML 1.1 reads as this very string (printable ASCII, no `: ` or ` #`, not a null, bool,
  /// number or timestamp). The texts the emitter check accepted are remembered (`verified`): a results.yaml repeats
  /// the same few (`00:00:00`) in every result.
  mutating func plain(_ start: Int, _ end: Int) throws(Unsupported) -> String {
    guard start < end, bytes[start] != 0x20, bytes[end - 1] != 0x20, bytes[end - 1] != 0x3A else { throw Unsupported() }
    var previous: UInt8 = 0
    for position in start..<end {
      let byte = bytes[position]
      guard byte >= 0x20, byte < 0x7F, !(previous == 0x3A && byte == 0x20), !(previous == 0x20 && byte == 0x23)
      else { throw Unsupported() }
      previous = byte
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    let first = bytes[start]
    let letter = (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first) || first == 0x2F || first == 0x5F
    // Starting with a letter, `/` or `_`, and longer than, or not starting like, a YAML 1.1 null/bool word: a string.
    if letter && (end - start > 5 || !"nNtTfFyYoO".utf8.contains(first)) { return text }
    if verified.contains(text) { return text }
    // The one emitter writes it plain exactly when it reads back as this string.
    guard YAMLEmitter.scalar(text, profile: .results) == text else { throw Unsupported() }
    if verified.count < 16 { verified.append(text) }
    return text
  }

  /// `'...'` on one line, `''` standing for one quote.
  private func singleQuoted(_ start: Int, _ end: Int) throws(Unsupported) -> String {
    guard end - start >= 2, bytes[end - 1] == 0x27 else { throw Unsupported() }
    var out: [UInt8] = []
    out.reserveCapacity(end - start)
    var position = start + 1
    while position < end - 1 {
      let byte = bytes[position]
      if byte == 0x27 {
        guard position + 1 < end - 1, bytes[position + 1] == 0x27 else { throw Unsupported() }
        position += 1
      }
      out.append(byte)
      position += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `"..."` on one line with the escapes the emitter writes (`\" \\ \n \t \r \xHH`).
  private func doubleQuoted(_ start: Int, _ end: Int) throws(Unsupported) -> String {
    guard end - start >= 2, bytes[end - 1] == 0x22 else { throw Unsupported() }
    var out: [UInt8] = []
    var position = start + 1
    while position < end - 1 {
      var byte = bytes[position]
      guard byte != 0x22 else { throw Unsupported() }
      if byte == 0x5C {
        guard position + 1 < end - 1 else { throw Unsupported() }
        position += 1
        switch bytes[position] {
        case 0x22, 0x5C: byte = bytes[position]
        case 0x6E: byte = 0x0A
        case 0x74: byte = 0x09
        case 0x72: byte = 0x0D
        case 0x78:
          guard position + 2 < end - 1, let high = hex(bytes[position + 1]), let low = hex(bytes[position + 2])
          else { throw Unsupported() }
          byte = high * 16 + low
          guard byte < 0x80 else { throw Unsupported() }
          position += 2
        default: throw Unsupported()
        }
      }
      out.append(byte)
      position += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  private func hex(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x41...0x46: byte - 0x37
    case 0x61...0x66: byte - 0x57
    default: nil
    }
  }
}
