/// One RDMA adapter as an admin counts it: a card. A dual-port card with two PCI functions is one adapter; the
/// functions of one PCI device (same domain:bus:device) or with the same non-zero `sys_image_guid` belong to one
/// card. Virtual functions are never part of a card.
package struct AdapterCard: Sendable, Hashable {
  /// Its physical functions, by address.
  package var functions: [PCIDeviceFacts]
  /// Its RDMA devices (`mlx5_0`, `mlx5_1`).
  package var rdmaDevices: [String]

  /// Creates a card.
  package init(functions: [PCIDeviceFacts], rdmaDevices: [String]) {
    self.functions = functions.sorted { $0.address < $1.address }
    self.rdmaDevices = rdmaDevices.sorted()
  }

  /// The function with the lowest address (the card's PCIe link and placement).
  package var primary: PCIDeviceFacts { functions[0] }

  /// `0000:05:00.0`.
  package var address: String { primary.address }

  /// `0000:05:00.0, 0000:05:00.1 (mlx5_0, mlx5_1)`.
  package var detail: String {
    let devices = rdmaDevices.isEmpty ? "" : " (\(rdmaDevices.joined(separator: ", ")))"
    return functions.map(\.address).joined(separator: ", ") + devices
  }

  /// `0000:05` `:00` — the PCI device part of an address (`0000:05:00.1` → `0000:05:00`).
  package static func slot(_ address: String) -> String { address.before(".") }

  /// Groups physical functions into cards: same PCI device, or same non-zero `sys_image_guid` (`imageGUID` of a
  /// function's address); `rdma` gives a function's RDMA devices. Cards come in address order.
  package static func group(
    _ functions: [PCIDeviceFacts], imageGUID: (String) -> String?, rdma: (String) -> [String]
  ) -> [AdapterCard] {
    var cards: [[PCIDeviceFacts]] = []
    var cardOfKey: [String: Int] = [:]
    for function in functions.filter({ $0.physicalFunction == nil }).sorted(by: { $0.address < $1.address }) {
      var keys = ["slot " + slot(function.address)]
      if let guid = imageGUID(function.address), !SRIOVJudge.isZero(guid) { keys.append("guid " + guid) }
      let index = keys.lazy.compactMap { cardOfKey[$0] }.first ?? cards.count
      if index == cards.count { cards.append([]) }
      cards[index].append(function)
      for key in keys { cardOfKey[key] = index }
    }
    return cards.map { AdapterCard(functions: $0, rdmaDevices: $0.flatMap { rdma($0.address) }) }
  }
}
