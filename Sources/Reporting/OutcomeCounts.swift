public import TMTModel

/// How many results have each outcome, counted in one pass without copying any result (the summary sentence and
/// tmt's exit code both read it; a sweep has tens of thousands of results).
package struct OutcomeCounts: Sendable, Hashable {
  private var counts = [Int](repeating: 0, count: ResultOutcome.allCases.count)

  /// How many outcomes were counted.
  package private(set) var total = 0

  /// No outcomes.
  package init() {}

  /// The counts of `outcomes`.
  package init(_ outcomes: some Sequence<ResultOutcome>) {
    for outcome in outcomes { add(outcome) }
  }

  /// Counts one more `outcome`.
  package mutating func add(_ outcome: ResultOutcome) {
    counts[Self.slot(outcome)] += 1
    total += 1
  }

  /// Adds every count of `other`.
  package mutating func add(_ other: OutcomeCounts) {
    for slot in counts.indices { counts[slot] += other.counts[slot] }
    total += other.total
  }

  /// How many results have `outcome`.
  package subscript(outcome: ResultOutcome) -> Int { counts[Self.slot(outcome)] }

  private static func slot(_ outcome: ResultOutcome) -> Int {
    switch outcome {
    case .pass: 0
    case .fail: 1
    case .info: 2
    case .warn: 3
    case .error: 4
    case .skip: 5
    case .pending: 6
    }
  }
}
