/// The execute step's order across guests, as tmt 1.78 queues it: one task per discover phase, in plan order, each
/// running that phase's tests on all its guests at once; a phase starts only when every guest has finished the
/// phases before it. Each guest's execution reports the phases it finishes and waits before starting the next.
actor PhaseBarrier {
  /// Discover phases in plan order.
  private let order: [String]
  /// Per phase, the guest slots that still run tests of it.
  private var running: [String: Set<Int>]
  private var waiters: [(phase: String, continuation: CheckedContinuation<Void, Never>)] = []

  /// A barrier for guests whose tests (slot → their tests' discover phases) belong to phases in `order`.
  init(order: [String], phases: [Int: [String]]) {
    self.order = order
    var running: [String: Set<Int>] = [:]
    for (slot, names) in phases {
      for name in names { running[name, default: []].insert(slot) }
    }
    self.running = running
  }

  /// Waits until no guest runs a phase that comes before `phase`.
  func enter(_ phase: String) async {
    guard !isClear(before: phase) else { return }
    await withCheckedContinuation { waiters.append((phase, $0)) }
  }

  /// Guest `slot` is done with `phase` (it ran its last test of it, or stopped).
  func finish(_ phase: String, slot: Int) {
    running[phase]?.remove(slot)
    wake()
  }

  /// Guest `slot` runs nothing more (its tests ended or it stopped early).
  func leave(slot: Int) {
    for phase in running.keys { running[phase]?.remove(slot) }
    wake()
  }

  private func isClear(before phase: String) -> Bool {
    guard let index = order.firstIndex(of: phase) else { return true }
    return order[..<index].allSatisfy { running[$0]?.isEmpty ?? true }
  }

  private func wake() {
    let ready = waiters.filter { isClear(before: $0.phase) }
    waiters.removeAll { isClear(before: $0.phase) }
    for waiter in ready { waiter.continuation.resume() }
  }
}
