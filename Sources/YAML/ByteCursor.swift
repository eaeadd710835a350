/// A forward cursor over UTF-8 bytes for the hand-written scalar matchers.
struct ByteCursor {
  /// The bytes being matched.
  let bytes: UnsafeBufferPointer<UInt8>
  /// The current offset.
  var index = 0

  /// A cursor at the start of `bytes`.
  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// True when every byte was consumed.
  var atEnd: Bool { index >= bytes.count }
  /// The current byte, nil at the end.
  var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

  /// Moves one byte forward (no-op at the end).
  mutating func advance() { if index < bytes.count { index += 1 } }

  /// Consumes `byte` when it is next.
  mutating func eat(_ byte: UInt8) -> Bool {
    guard peek == byte else { return false }
    index += 1
    return true
  }

  /// Consumes an optional `+` or `-`.
  mutating func skipSign() {
    if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
  }

  /// Consumes bytes while `accept` holds; returns how many.
  @discardableResult
  mutating func skip(while accept: (UInt8) -> Bool) -> Int {
    let start = index
    while index < bytes.count && accept(bytes[index]) { index += 1 }
    return index - start
  }

  /// Consumes a run of ASCII digits whose length lies in `range` (all-or-nothing on failure).
  mutating func digits(_ range: ClosedRange<Int>) -> Bool {
    let start = index
    var count = 0
    while count < range.upperBound, let c = peek, ScalarResolver.isDigit(c) {
      index += 1
      count += 1
    }
    if range.contains(count) { return true }
    index = start
    return false
  }

  /// Consumes `[eE][-+]?[0-9]+` (sign mandatory when `signRequired`).
  mutating func skipExponent(signRequired: Bool) -> Bool {
    guard peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") else { return false }
    index += 1
    if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") {
      index += 1
    } else if signRequired {
      return false
    }
    return skip(while: ScalarResolver.isDigit) > 0
  }

  /// True when the remaining bytes equal one of `words`.
  func rest(equalsAnyOf words: [StaticString]) -> Bool {
    let remaining = bytes.count - index
    return words.contains { word in
      word.utf8CodeUnitCount == remaining && (0..<remaining).allSatisfy { word.utf8Start[$0] == bytes[index + $0] }
    }
  }
}
