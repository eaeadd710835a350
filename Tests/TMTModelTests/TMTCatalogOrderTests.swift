import Testing

@testable import TMTModel

/// `TMTCatalog.stableSorted` applies its permutation by swaps; it must equal Python's stable `sort(key=...)`.
@Suite("catalog order (stable sort by `order`)")
struct TMTCatalogOrderTests {
  /// A deterministic pseudo-random sequence (LCG), so every run checks the same inputs.
  private struct Numbers {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  private struct Item: Equatable {
    var order: Int
    var position: Int
    var name: String
  }

  @Test(arguments: [0, 1, 2, 3, 7, 50, 257])
  func equalsAStableSortOnKeysAndPositions(_ count: Int) {
    var numbers = Numbers(state: UInt64(count) + 1)
    for range in [1, 3, 100] {
      let items = (0..<count).map { Item(order: numbers.next(range) + 40, position: $0, name: "/t/\($0)") }
      let expected = items.sorted { ($0.order, $0.position) < ($1.order, $1.position) }
      #expect(TMTCatalog.stableSorted(items, by: \.order) == expected)
    }
  }

  @Test func reversedAndAlreadySortedInputs() {
    let sorted = (0..<100).map { Item(order: $0 / 3, position: $0, name: "\($0)") }
    #expect(TMTCatalog.stableSorted(sorted, by: \.order) == sorted)
    let reversed = (0..<100).map { Item(order: 99 - $0, position: $0, name: "\($0)") }
    #expect(TMTCatalog.stableSorted(reversed, by: \.order) == Array(reversed.reversed()))
  }
}
