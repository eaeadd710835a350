/// Judges SR-IOV: VF count, VF drivers, GUIDs and IOMMU isolation.
package enum SRIOVJudge {
  /// The numvfs sub-result of a PF.
  package static func numVFs(_ pf: PFFacts, expected: Int?) -> CheckItem {
    let name = pf.rdmaDevice.map { "\(pf.address) (\($0))" } ?? pf.address
    let actual = "\(pf.numVFs) VFs of \(pf.totalVFs)"
    guard let expected else {
      return CheckItem(pf.address, pf.numVFs > 0 ? .pass : .skip, "\(name): \(actual) (no expected count)")
    }
    let present = pf.vfs.count
    if pf.numVFs != expected || present != expected {
      return CheckItem(pf.address, .fail, "\(name): \(actual), \(present) present, expected \(expected)")
    }
    return CheckItem(pf.address, .pass, "\(name): \(actual), expected \(expected)")
  }

  /// One sub-result per VF: driver bound, GUID non-zero and unique, its own IOMMU group.
  package static func virtualFunctions(_ pfs: [PFFacts], driver: String, requireIOMMU: Bool) -> [CheckItem] {
    let all = pfs.flatMap(\.vfs)
    let guidCounts = Dictionary(all.compactMap { $0.nodeGUID.map { ($0, 1) } }, uniquingKeysWith: +)
    let groupCounts = Dictionary(all.compactMap { $0.iommuGroup.map { ($0, 1) } }, uniquingKeysWith: +)
    return all.map { vf in
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
