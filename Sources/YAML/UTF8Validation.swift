import HPCBasics

/// Strict UTF-8 validation with Python's decoder messages (fmf reads every file as UTF-8 first).
enum UTF8Validation {
  /// Throws `'utf-8' codec can't decode byte 0xe9 in position 12: invalid continuation byte`
  /// located at the offending byte, when `bytes` is not valid UTF-8.
  static func validate(_ bytes: [UInt8], file: String) throws(Diagnostic) {
    let failure: (start: Int, length: Int, reason: String)? = bytes.withUnsafeBufferPointer { firstError($0) }
    guard let failure else { return }
    let position =
      failure.length == 1
      ? "byte 0x\(hex(bytes[failure.start])) in position \(failure.start)"
      : "bytes in position \(failure.start)-\(failure.start + failure.length - 1)"
    let location = YAMLSource.location(ofByte: failure.start, in: bytes, file: file)
    throw .error("'utf-8' codec can't decode \(position): \(failure.reason)", at: location)
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16)
    return digits.count == 1 ? "0" + digits : digits
  }

  /// The first invalid sequence: start offset, number of bytes Python reports, reason.
  private static func firstError(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, String)? {
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let (length, low, high) = shape(lead)
      guard length > 0 else { return (index, 1, "invalid start byte") }
      for offset in 1..<length {
        guard index + offset < count else { return (index, offset, "unexpected end of data") }
        let byte = bytes[index + offset]
        let lower: UInt8 = offset == 1 ? low : 0x80
        let upper: UInt8 = offset == 1 ? high : 0xBF
        guard byte >= lower && byte <= upper else { return (index, offset, "invalid continuation byte") }
      }
      index += length
    }
    return nil
  }

  /// Sequence length and the allowed range of the second byte for a lead byte (length 0: invalid lead).
  private static func shape(_ lead: UInt8) -> (Int, UInt8, UInt8) {
    switch lead {
    case 0xC2...0xDF: (2, 0x80, 0xBF)
    case 0xE0: (3, 0xA0, 0xBF)
    case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
    case 0xED: (3, 0x80, 0x9F)
    case 0xF0: (4, 0x90, 0xBF)
    case 0xF1...0xF3: (4, 0x80, 0xBF)
    case 0xF4: (4, 0x80, 0x8F)
    default: (0, 0, 0)
    }
  }
}
