/// `ibv_devinfo` output: the verbs devices and their ports' states.
package struct IBVDevInfo: Sendable, Hashable {
  /// One verbs device.
  package struct Device: Sendable, Hashable {
    /// `hca_id`.
    package var name: String
    /// `fw_ver`.
    package var firmware: String?
    /// `vendor_part_id` (decimal PCI device id).
    package var partID: Int?
    /// Port number → state (`PORT_ACTIVE`).
    package var ports: [Int: String]
  }

  /// The devices in output order.
  package var devices: [Device]

  /// Parses plain or `-v` output.
  package init(parsing text: String) {
    var devices: [Device] = []
    var port: Int?
    for line in text.lines {
      let trimmed = line.trimmed
      guard let key = trimmed.split(separator: ":", maxSplits: 1).first.map(String.init),
        let value = trimmed.after(":")
      else { continue }
      switch key {
      case "hca_id":
        devices.append(Device(name: value, ports: [:]))
        port = nil
      case "fw_ver" where !devices.isEmpty: devices[devices.count - 1].firmware = value
      case "vendor_part_id" where !devices.isEmpty: devices[devices.count - 1].partID = Int(value)
      case "port" where !devices.isEmpty: port = Int(value)
      case "state" where !devices.isEmpty && port != nil:
        devices[devices.count - 1].ports[port!] = value.words.first ?? value
      default: continue
      }
    }
    self.devices = devices
  }

  /// For each RDMA device in sysfs: present in `ibv_devinfo` with every port listed.
  package func judge(_ sysfs: [IBDeviceFacts]) -> [CheckItem] {
    sysfs.map { device in
      guard let verbs = devices.first(where: { $0.name == device.name }) else {
        return CheckItem(device.name, .fail, "\(device.name): not listed by ibv_devinfo, expected a verbs device")
      }
      let states = verbs.ports.keys.sorted().map { "port \($0) \(verbs.ports[$0]!)" }.joined(separator: ", ")
      let firmware = verbs.firmware.map { "firmware \($0), " } ?? ""
      return CheckItem(device.name, .pass, "\(device.name): verbs device, \(firmware)\(states)")
    }
  }
}
