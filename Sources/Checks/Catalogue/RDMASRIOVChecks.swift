/// SR-IOV checks of the RDMA adapters.
extension RDMAChecks {
  static let sriovCount = CheckDefinition(
    "rdma.sriov-numvfs", "sriov_numvfs of every SR-IOV adapter equals the expected VF count", needs: "sysfs",
    keys: ["numvfs"]
  ) { context in
    let facts = NodeFacts(context)
    let pfs = IBScan.physicalFunctions(facts.pci.filter(\.isMellanoxAdapter), rdma: facts.rdma, facts.reader)
    guard !pfs.isEmpty else { return .skip("rdma.sriov-numvfs", "no SR-IOV capable adapter found") }
    let expected = context.expectations.int("numvfs")
    return CheckResult(check: "rdma.sriov-numvfs", items: pfs.map { SRIOVJudge.numVFs($0, expected: expected) })
  }

  static let sriovFunctions = CheckDefinition(
    "rdma.sriov-vfs", "every VF bound to its driver, with a non-zero unique GUID and its own IOMMU group",
    needs: "sysfs", keys: ["vf-driver", "require-iommu"]
  ) { context in
    let facts = NodeFacts(context)
    let pfs = IBScan.physicalFunctions(facts.pci.filter(\.isMellanoxAdapter), rdma: facts.rdma, facts.reader)
    guard pfs.contains(where: { !$0.vfs.isEmpty }) else {
      return .skip("rdma.sriov-vfs", "no virtual function enabled")
    }
    let items = SRIOVJudge.virtualFunctions(
      pfs, driver: context.expectations.string("vf-driver") ?? "mlx5_core",
      requireIOMMU: context.expectations.bool("require-iommu") ?? true)
    return CheckResult(check: "rdma.sriov-vfs", items: items)
  }
}
