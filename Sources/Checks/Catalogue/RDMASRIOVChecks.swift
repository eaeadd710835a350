/// SR-IOV checks of the RDMA adapters.
extension RDMAChecks {
  static let sriovCount = CheckDefinition(
    "rdma.sriov-numvfs",
    "sriov_numvfs of every PF with SR-IOV configured (or named by numvfs) equals the expected count, all VFs present",
    needs: "sysfs", keys: ["numvfs"]
  ) { context in
    let pfs = NodeFacts(context).adapterPhysicalFunctions
    guard !pfs.isEmpty else { return .skip("rdma.sriov-numvfs", "no SR-IOV capable adapter found") }
    let items = SRIOVJudge.numVFs(pfs, expected: context.expectations.countMap("numvfs"))
    return CheckResult(check: "rdma.sriov-numvfs", items: items)
  }

  static let sriovFunctions = CheckDefinition(
    "rdma.sriov-vfs", "every VF bound to its driver, with a non-zero unique GUID and its own IOMMU group",
    needs: "sysfs", keys: ["vf-driver", "require-iommu"]
  ) { context in
    let pfs = NodeFacts(context).adapterPhysicalFunctions
    guard pfs.contains(where: { !$0.vfs.isEmpty }) else {
      return .skip("rdma.sriov-vfs", "no virtual function enabled")
    }
    let driver = context.expectations.string("vf-driver")
    let items = SRIOVJudge.virtualFunctions(
      pfs, driver: { driver ?? $0.defaultVFDriver }, requireIOMMU: context.expectations.bool("require-iommu") ?? true)
    return CheckResult(check: "rdma.sriov-vfs", items: items)
  }
}
