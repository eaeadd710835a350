/// Python's `base64.decodebytes` (non-strict `binascii.a2b_base64`): characters outside the alphabet
/// are skipped, a complete pad ends the data.
enum Base64Decoder {
  /// The decoded bytes, or Python's message (`Incorrect padding`, ...).
  static func decode(_ text: String) -> Result<[UInt8], ConstructorFailure> {
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
      return .failure(ConstructorFailure(message: "failed to convert base64 data into ascii: non-ASCII characters"))
    }
    var output: [UInt8] = []
    var quadPosition = 0
    var leftover: UInt32 = 0
    var pads = 0
    var dataCharacters = 0
    for byte in text.utf8 {
      if byte == UInt8(ascii: "=") {
        if quadPosition >= 2 {
          pads += 1
          if quadPosition + pads >= 4 { return .success(output) }
        }
        continue
      }
      guard let value = sextet(byte) else { continue }
      dataCharacters += 1
      leftover = (leftover << 6) | UInt32(value)
      quadPosition += 1
      if quadPosition == 2 { output.append(UInt8(truncatingIfNeeded: leftover >> 4)); leftover &= 0x0F }
      if quadPosition == 3 { output.append(UInt8(truncatingIfNeeded: leftover >> 2)); leftover &= 0x03 }
      if quadPosition == 4 { output.append(UInt8(truncatingIfNeeded: leftover)); leftover = 0; quadPosition = 0 }
    }
    if quadPosition == 1 {
      let message =
        "Invalid base64-encoded string: number of data characters (\(dataCharacters)) cannot be 1 more than a multiple of 4"
      return .failure(ConstructorFailure(message: "failed to decode base64 data: " + message))
    }
    if quadPosition != 0 {
      return .failure(ConstructorFailure(message: "failed to decode base64 data: Incorrect padding"))
    }
    return .success(output)
  }

  private static func sextet(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
    case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
    case UInt8(ascii: "+"): 62
    case UInt8(ascii: "/"): 63
    default: nil
    }
  }
}
