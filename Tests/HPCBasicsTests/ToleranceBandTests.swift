import HPCBasics
import Testing

/// The ReFrame-style band shared by the checks and the reports: bounds only where given, none without a reference.
@Suite struct ToleranceBandTests {
  @Test func boundsAreReferenceTimesOnePlusTolerance() {
    let band = ToleranceBand(reference: 400, lower: -0.1, upper: 0.05)
    #expect(band.floor == 360 && band.ceiling == 420)
    #expect(band.contains(360) && band.contains(420) && band.contains(400))
    #expect(!band.contains(359.99) && !band.contains(420.01))
  }

  @Test func aMissingBoundOrReferenceBoundsNothingOnThatSide() {
    let below = ToleranceBand(reference: 100, lower: -0.2, upper: nil)
    #expect(below.floor == 80 && below.ceiling == nil)
    #expect(below.contains(1e12) && !below.contains(79))
    let none = ToleranceBand(reference: nil, lower: -0.2, upper: 0.2)
    #expect(none.floor == nil && none.ceiling == nil && none.contains(-1) && none.contains(1e12))
  }
}
