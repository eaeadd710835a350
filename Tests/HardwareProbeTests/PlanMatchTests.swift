import FMF
import HardwareMatch
import HardwareProbe
import TMTModel
import Testing

/// Plans loaded with TMTCatalog (Fixtures/match-plans), their provision hardware parsed by TMTModel and evaluated
/// against fixture sysroots: the path `hpctest probe --match` takes.
@Suite struct PlanMatchTests {
  func verdicts(_ sysroot: String) throws -> [String: HardwareMatch] {
    let catalog = try TMTCatalog.load(root: Fixtures.directory + "/match-plans", context: FMFContext())
    let inventory = try Fixtures.probe(sysroot)
    var result: [String: HardwareMatch] = [:]
    for plan in catalog.plans {
      guard let node = plan.phases(.provision).first?["hardware"] else { continue }
      result[plan.name] = HardwareMatcher.evaluate(try HardwareRequirement.parse(node), against: inventory)
    }
    return result
  }

  @Test func a30Plans() throws {
    let verdicts = try verdicts("a30-cx6-aarch64")
    #expect(verdicts["/plans/a30-ib"]?.satisfied == true, "\(verdicts["/plans/a30-ib"]?.unmet ?? [])")
    #expect(verdicts["/plans/either"]?.satisfied == true)
    #expect(verdicts["/plans/h200"]?.unmet == ["gpu.device-name ~ NVIDIA H200: no GPU matches (found: NVIDIA A30 ×4)"])
    #expect(verdicts["/plans/no-hardware"] == nil)
    #expect(verdicts["/plans/unsupported"]?.satisfied == false)
  }

  @Test func faultyA30FailsOnTheDegradedLink() throws {
    let verdicts = try verdicts("a30-cx6-aarch64-faulty")
    #expect(verdicts["/plans/a30-ib"]?.unmet == ["hpctest.pcie.min-width >= 16: does not hold (found: 8)"])
  }

  @Test func h200Plans() throws {
    let verdicts = try verdicts("h200-x86_64")
    #expect(verdicts["/plans/h200"]?.satisfied == true)
    #expect(verdicts["/plans/a30-ib"]?.unmet.count == 4, "arch, GPU name, GPU count, SR-IOV")
  }
}
