#if canImport(Glibc)
  import Glibc
#endif

extension Sysfs {
  /// `body` applied to the bytes of the open attribute `fd`, trimmed as `text` trims them; nil when it cannot be
  /// read. The kernel hands an attribute (at most a page) over in one `read(2)`, and a regular file (a fixture)
  /// reads short only at its end, so a first read shorter than the page-sized stack buffer is the whole file and
  /// is never copied; a longer file is read to its end on the heap.
  static func withAttribute<T>(_ fd: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { buffer -> T? in
      var count = read(fd, buffer.baseAddress, buffer.count)
      while count < 0 && errno == EINTR { count = read(fd, buffer.baseAddress, buffer.count) }
      guard count >= 0 else { return nil }
      if count < buffer.count { return body(trimmedBytes(UnsafeBufferPointer(rebasing: buffer[0..<count]))) }
      var bytes = Array(buffer)
      while true {
        count = read(fd, buffer.baseAddress, buffer.count)
        if count < 0 && errno == EINTR { continue }
        if count < 0 { return nil }
        if count == 0 { break }
        bytes.append(contentsOf: buffer[0..<count])
      }
      return bytes.withUnsafeBufferPointer { body(trimmedBytes($0)) }
    }
  }

  /// `bytes` without trailing newlines, spaces, tabs and NULs.
  static func trimmedBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var end = bytes.count
    while end > 0 {
      switch bytes[end - 1] {
      case 0x0a, 0x20, 0x09, 0: end -= 1
      default: return UnsafeBufferPointer(rebasing: bytes[0..<end])
      }
    }
    return UnsafeBufferPointer(rebasing: bytes[0..<0])
  }

  /// `parseHex` of the text `bytes` hold, without making a string when they are `0x` (or `0X`) and 1–16 hex
  /// digits, or only hex digits (anything else takes the text path, so both agree on every input).
  static func parseHex(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
    let prefixed = bytes.count >= 2 && bytes[0] == UInt8(ascii: "0") && bytes[1] | 0x20 == UInt8(ascii: "x")
    let digits = UnsafeBufferPointer(rebasing: bytes[(prefixed ? 2 : 0)...])
    guard (1...16).contains(digits.count) else { return parseHex(String(decoding: bytes, as: UTF8.self)) }
    var value: UInt64 = 0
    for byte in digits {
      guard let digit = hexDigit(byte) else { return parseHex(String(decoding: bytes, as: UTF8.self)) }
      value = value << 4 | UInt64(digit)
    }
    return value
  }

  /// `Int(text)` of the text `bytes` hold, without making a string when they are 1–18 decimal digits, with or
  /// without a leading `-` (anything else takes the text path).
  static func parseInt(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let negative = bytes.first == UInt8(ascii: "-")
    guard let magnitude = decimal(UnsafeBufferPointer(rebasing: bytes[(negative ? 1 : 0)...]), maxDigits: 18) else {
      return Int(String(decoding: bytes, as: UTF8.self))
    }
    return negative ? -Int(magnitude) : Int(magnitude)
  }

  /// `UInt64(text)` of the text `bytes` hold, without making a string when they are 1–19 decimal digits
  /// (anything else takes the text path).
  static func parseUInt64(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
    decimal(bytes, maxDigits: 19) ?? UInt64(String(decoding: bytes, as: UTF8.self))
  }

  /// The value of 1 to `maxDigits` ASCII decimal digits; nil for anything else.
  private static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, maxDigits: Int) -> UInt64? {
    guard (1...maxDigits).contains(bytes.count) else { return nil }
    var value: UInt64 = 0
    for byte in bytes {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
    }
    return value
  }

  /// The value of an ASCII hex digit; nil for anything else.
  static func hexDigit(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
