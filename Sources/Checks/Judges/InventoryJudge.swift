/// Judges how many devices of which model are present.
package enum InventoryJudge {
  /// One device as the inventory sees it.
  package struct Device: Sendable, Hashable {
    /// Its PCI address.
    package var address: String
    /// `10de:2335`.
    package var pciID: String
    /// The model name, when known.
    package var model: String?
    /// What else the entry covers (a card's functions and RDMA devices), shown after the model.
    package var detail: String?

    /// Creates a device entry.
    package init(address: String, pciID: String, model: String?, detail: String? = nil) {
      self.address = address
      self.pciID = pciID
      self.model = model
      self.detail = detail
    }
  }

  /// A sub-result per device and a `count` sub-result comparing the count (of `model`, when given).
  package static func judge(_ devices: [Device], kind: String, expectedCount: Int?, expectedModel: String?)
    -> [CheckItem]
  {
    var items = devices.map { device in
      let matches = expectedModel.map { device.model?.lowercased() == $0.lowercased() } ?? true
      let what = "\(device.model ?? "unknown model") (\(device.pciID))" + (device.detail.map { ": \($0)" } ?? "")
      let message = matches ? "\(device.address): \(what)" : "\(device.address): \(what), expected \(expectedModel!)"
      return CheckItem(device.address, matches ? .pass : .fail, message)
    }
    items.append(countItem(devices, kind: kind, expectedCount: expectedCount, expectedModel: expectedModel))
    return items
  }

  static func countItem(_ devices: [Device], kind: String, expectedCount: Int?, expectedModel: String?) -> CheckItem {
    let counted = expectedModel.map { model in devices.filter { $0.model?.lowercased() == model.lowercased() } }
    let found = (counted ?? devices).count
    let label = expectedModel.map { "\($0) \(kind)" } ?? kind
    let summary = "found \(found) \(label)\(found == 1 ? "" : "s")"
    guard let expectedCount else {
      return CheckItem("count", found == 0 ? .skip : .pass, found == 0 ? "no \(kind) found" : summary)
    }
    let outcome: CheckOutcome = found == expectedCount ? .pass : .fail
    return CheckItem("count", outcome, "\(summary), expected \(expectedCount)")
  }
}
