import Testing

/// An optional 64-bit unsigned value compared with a product of literals inside `#expect`: ASan reports a 9-byte
/// read from an 8-byte stack slot in the AnyHashable thunk (Swift 6.3.1, Linux x86_64). `Int?`, `Double?`, a
/// single literal or a named `UInt64` on the right do not trip it.
@Test func optionalUInt64AgainstAProductOfLiterals() {
  let memoryBytes: UInt64? = [131_981_020 * 1024].randomElement()
  #expect(memoryBytes == 131_981_020 * 1024)
}
