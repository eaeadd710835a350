import Synchronization
import Testing

@testable import HPCBasics

/// `Parallel.map` is `map` computed side by side: same results in the same order, each item transformed once.
@Suite struct ParallelTests {
  /// For any number of items (none, one, fewer and many more than the CPUs), the results are the sequential
  /// `map`'s, and every item was transformed exactly once.
  @Test(arguments: [0, 1, 2, 3, 17, 1000])
  func equalsTheSequentialMapAndTransformsEachItemOnce(count: Int) {
    let items = (0..<count).map { "item \($0 * 7919 % 1009)" }
    let seen = Mutex([Int](repeating: 0, count: count))
    let results = Parallel.map(Array(items.enumerated())) { index, item in
      seen.withLock { $0[index] += 1 }
      return item.uppercased() + "/\(index)"
    }
    #expect(results == items.enumerated().map { $0.element.uppercased() + "/\($0.offset)" })
    #expect(seen.withLock { $0 }.allSatisfy { $0 == 1 })
  }
}
