/// The summary of `ibv_rc_pingpong` (rdma-core's libibverbs examples):
/// `8192000 bytes in 0.01 seconds = 8635.66 Mbit/sec` and `1000 iters in 0.01 seconds = 7.59 usec/iter`.
package struct RCPingpong: Sendable, Hashable {
  /// Throughput in Mbit/s.
  package var megabitsPerSecond: Double
  /// Round-trip time per iteration in microseconds.
  package var microsecondsPerIteration: Double
  /// Iterations completed.
  package var iterations: Int

  /// Reads the two summary lines; nil when either is missing (the ping-pong did not complete).
  package init?(parsing text: String) {
    var rate: Double?
    var latency: (Int, Double)?
    for line in text.lines {
      let words = line.words
      if words.count >= 8, words[1] == "bytes", words.last == "Mbit/sec" { rate = Double(words[words.count - 2]) }
      if words.count >= 8, words[1] == "iters", words.last == "usec/iter", let count = Int(words[0]),
        let value = Double(words[words.count - 2])
      {
        latency = (count, value)
      }
    }
    guard let rate, let latency else { return nil }
    megabitsPerSecond = rate
    iterations = latency.0
    microsecondsPerIteration = latency.1
  }
}
