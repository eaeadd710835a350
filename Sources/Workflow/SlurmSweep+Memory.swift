#if canImport(Glibc)
  import Glibc
#endif

extension SlurmSweep {
  /// Lets malloc keep 64 MB of headroom at the top of each heap (`M_TOP_PAD`) for the merge: its threads grow
  /// their heaps by about 100 MB in small steps, and without the headroom every step is an `mprotect` (5,200 in a
  /// merge of 1,000 nodes × 40 tests), each one stopping the other threads' page faults for a moment. Only
  /// address space is reserved: untouched pages cost no memory.
  /// glibc's `mallopt` is not in the Glibc module, so it is looked up (`M_TOP_PAD` is -2 in glibc's ABI); nothing
  /// changes where it is missing.
  static func reserveHeapHeadroom() {
    #if canImport(Glibc)
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let program = dlopen(nil, RTLD_NOW), let symbol = dlsym(program, "mallopt") else { return }
      _ = unsafeBitCast(symbol, to: Mallopt.self)(-2, 64 << 20)
    #endif
  }

  /// Keeps `value` (a sweep's frames and merge: a few hundred thousand strings and arrays) until the process
  /// exits instead of freeing it piece by piece when the sweep returns: freeing it cost about 50 ms on one core
  /// after the output was written, and the sweep is the last thing `hpctest run` does, so the kernel takes the
  /// memory back at exit at once. A caller running many sweeps in one process (tests) keeps each one's memory.
  static func keepUntilExit(_ value: some Any) {
    _ = Unmanaged.passRetained(Kept(value: value))
  }

  /// What `keepUntilExit` holds.
  private final class Kept<Value> {
    let value: Value
    init(value: Value) { self.value = value }
  }
}
