import Glibc
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

  /// `Parallel.expand` does every job exactly once, those added while it runs included (a tree of jobs: job n adds
  /// 2n+1 and 2n+2 below `count`, some of them after slow work, so threads wait for jobs and wake), each in one
  /// thread's own state, and returns once none is left; with no job it returns every state untouched.
  @Test(arguments: [0, 1, 2, 5, 3_000])
  func expandDoesEveryJobOnceAddedOnesIncluded(count: Int) {
    let states = Parallel.expand(count == 0 ? [] : [0], state: { [Int]() }) { job, done, add in
      if job % 97 == 0 { usleep(200) }
      done.append(job)
      for child in [2 * job + 1, 2 * job + 2] where child < count { add(child) }
    }
    #expect(states.count == Parallel.processors)
    #expect(states.flatMap { $0 }.sorted() == Array(0..<count))
  }
}
