extension SlurmSweep {
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
