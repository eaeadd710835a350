import HPCBasics
import TMTModel
import Testing
import Workflow

/// Which tests of the repository's plans `hpctest health` runs.
@Suite struct HealthSelectionTests {
  static func catalog() throws -> TMTCatalog { try TMTCatalog.load(root: EndToEndTests.repository, context: []) }

  static func select(
    filters: [String] = [], plans: [String] = [], hardware: @escaping HardwareGate = { _ in nil }
  ) throws -> HealthSelection {
    let catalog = try catalog()
    var options = RunOptions()
    options.planNames = plans
    return try HealthSelection.select(
      tests: catalog.tests, plans: catalog.plans, root: catalog.tree.root, options: options, filters: filters,
      loader: { _ in [] }, hardware: hardware)
  }

  @Test func selectsEverySysfsTestOfTheEnabledPlansAndNothingElse() throws {
    let catalog = try Self.catalog()
    let selection = try Self.select()
    let byName = Dictionary(catalog.tests.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    #expect(!selection.checks.isEmpty)
    for check in selection.checks {
      let test = try #require(byName[check.test])
      #expect(test.tag.contains("sysfs") || test.tag.contains("health"), "\(check.test)")
      #expect(test.test == "hpctest check \(check.check)")
    }
    let sysfsChecks = Set(
      catalog.tests.filter { $0.tag.contains("sysfs") }.compactMap {
        HealthSelection.checkName($0.test)
      })
    #expect(Set(selection.checks.map(\.check)) == sysfsChecks)
    #expect(selection.ignoredTests.isEmpty)
  }

  @Test func eachCheckRunsOncePerPlanAndCarriesThePlanEnvironment() throws {
    let selection = try Self.select()
    for plan in Set(selection.checks.map(\.plan)) {
      let names = selection.checks.filter { $0.plan == plan }.map(\.check)
      #expect(names.count == Set(names).count, "\(plan): \(names)")
    }
    let gpu = try #require(selection.checks.first { $0.plan == "/plans/gpu" })
    #expect(gpu.environment["HPCTEST_EXPECT_XID_WINDOW"] == "86400")
  }

  @Test func aFilterReplacesTheDefaultSelection() throws {
    let portState = try Self.select(filters: ["tag: sysfs & tag: rdma"])
    #expect(!portState.checks.isEmpty)
    #expect(portState.checks.allSatisfy { $0.check.hasPrefix("rdma.") })
    let loads = try Self.select(filters: ["tag: gpu"], plans: ["plans/gpu"])
    #expect(loads.checks.contains { $0.check == "gpu.nvidia-health" })
    #expect(try Self.select(filters: ["tag: no-such-tag"]).checks.isEmpty)
  }

  @Test func plansWhoseHardwareIsUnmetAreSkippedWithTheReason() throws {
    let selection = try Self.select(hardware: { $0.name == "/plans/gpu" ? "no GPU" : nil })
    #expect(!selection.checks.contains { $0.plan == "/plans/gpu" })
    #expect(selection.skippedPlans == ["/plans/gpu: no GPU"])
    #expect(selection.checks.contains { $0.plan == "/plans/rdma" })
  }

  @Test func planSelectorsNarrowThePlans() throws {
    let selection = try Self.select(plans: ["plans/rdma"])
    #expect(Set(selection.checks.map(\.plan)) == ["/plans/rdma"])
  }

  @Test(
    arguments: [
      ("hpctest check gpu.aer", "gpu.aer"), ("/usr/bin/hpctest check rdma.sm", "rdma.sm"),
      ("hpctest check gpu.xid --expect xid-window=1", nil), ("true", nil), ("hpctest probe x", nil),
    ] as [(String, String?)])
  func checkNamesComeOnlyFromPlainCheckCommands(_ command: String, _ expected: String?) {
    #expect(HealthSelection.checkName(command) == expected)
  }
}
