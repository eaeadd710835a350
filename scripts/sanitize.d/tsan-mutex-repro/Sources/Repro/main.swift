import Dispatch
import Synchronization

/// Every access to `state` is inside `withLock`; the futex the Mutex waits on is invisible to TSan.
final class Board: Sendable {
  let state = Mutex<[Int]>([])
  func add(_ value: Int) { state.withLock { $0.append(value) } }
}

let board = Board()
DispatchQueue.concurrentPerform(iterations: 8) { thread in
  for index in 0..<1000 { board.add(thread * 1000 + index) }
}
print(board.state.withLock { $0.count })
