/// Judges SR-IOV: VF count, VF drivers, GUIDs and IOMMU isolation.
package enum SRIOVJudge {
  /// One sub-result per PF, judged where SR-IOV is configured (VFs enabled) or where `expected` names the PF (by
  /// address or RDMA device); a count for every PF never makes a PF without VFs fail. A named PF that does not
  /// exist fails, and so does a node where no PF has VFs while a non-zero count is expected for every PF.
  package static func numVFs(_ pfs: [PFFacts], expected: CountMap?) -> [CheckItem] {
    var items = pfs.map { numVFs($0, expected: expected) }
    for name in (expected?.perDevice.keys).map(Array.init)?.sorted() ?? []
    where !pfs.contains(where: { $0.names.contains(name) }) {
      items.append(CheckItem(name, .fail, "\(name): no SR-IOV physical function of that name, expected by numvfs"))
    }
    if let all = expected?.all, all > 0, !pfs.contains(where: \.isConfigured) {
      items.append(CheckItem("numvfs", .fail, "no physical function has VFs enabled, expected \(all)"))
    }
    return items
  }

  /// The numvfs sub-result of one PF.
  package static func numVFs(_ pf: PFFacts, expected map: CountMap?) -> CheckItem {
    let actual = "\(pf.numVFs) VFs of \(pf.totalVFs), \(pf.vfs.count) present"
    let named = pf.names.lazy.compactMap { map?.perDevice[$0] }.first
    guard let expected = named ?? (pf.isConfigured ? map?.all : nil) else {
      guard pf.isConfigured else {
        return CheckItem(pf.address, .skip, "\(pf.label): SR-IOV not configured (\(actual)), not judged")
      }
      let outcome: CheckOutcome = pf.vfs.count == pf.numVFs ? .pass : .fail
      return CheckItem(pf.address, outcome, "\(pf.label): \(actual), expected every enabled VF present")
    }
    let outcome: CheckOutcome = pf.numVFs == expected && pf.vfs.count == expected ? .pass : .fail
    return CheckItem(pf.address, outcome, "\(pf.label): \(actual), expected \(expected)")
  }

  /// One sub-result per VF: driver bound, GUID non-zero and unique, its own IOMMU group.
  /// `driver` gives the expected VF driver of a PF.
  package static func virtualFunctions(_ pfs: [PFFacts], driver: (PFFacts) -> String, requireIOMMU: Bool)
    -> [CheckItem]
  {
    let all = pfs.flatMap(\.vfs)
    let pairs = pfs.flatMap { pf in pf.vfs.map { ($0.address, driver(pf)) } }
    let drivers = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    let guidCounts = Dictionary(all.compactMap { $0.nodeGUID.map { ($0, 1) } }, uniquingKeysWith: +)
    let groupCounts = Dictionary(all.compactMap { $0.iommuGroup.map { ($0, 1) } }, uniquingKeysWith: +)
    return all.map { vf in
      let driver = drivers[vf.address] ?? ""
      var problems: [String] = []
      if vf.driver != driver { problems.append("driver \(vf.driver ?? "none"), expected \(driver)") }
      problems += guidProblems(vf, counts: guidCounts)
      if let group = vf.iommuGroup, groupCounts[group, default: 0] > 1 {
        problems.append("IOMMU group \(group) shared with another VF, expected one group per VF")
      } else if vf.iommuGroup == nil && requireIOMMU {
        problems.append("no IOMMU group, expected one per VF (IOMMU off?)")
      }
      let name = "\(vf.address) (VF \(vf.index))"
      guard problems.isEmpty else {
        return CheckItem(vf.address, .fail, "\(name): " + problems.joined(separator: "; "))
      }
      let guid = vf.nodeGUID.map { ", GUID \($0)" } ?? ""
      return CheckItem(vf.address, .pass, "\(name): driver \(driver)\(guid), IOMMU group \(vf.iommuGroup ?? "none")")
    }
  }

  static func guidProblems(_ vf: VFFacts, counts: [String: Int]) -> [String] {
    guard let guid = vf.nodeGUID else { return ["no GUID readable"] }
    if isZero(guid) { return ["GUID \(guid) is zero, expected a non-zero GUID"] }
    if counts[guid, default: 0] > 1 { return ["GUID \(guid) is not unique"] }
    return []
  }

  /// True for `0000:0000:0000:0000` or `00:00:00:00:00:00:00:00`.
  package static func isZero(_ guid: String) -> Bool {
    guid.allSatisfy { $0 == "0" || $0 == ":" }
  }
}
