/// Judges that a device is bound to the right driver and that the driver has taken it on.
package enum DriverJudge {
  /// What the driver binding looks like.
  package struct Facts: Sendable, Hashable {
    /// The device's PCI address.
    package var address: String
    /// The bound driver, nil when none.
    package var driver: String?
    /// Whether the driver registered the device (`/proc/driver/nvidia/gpus/<addr>`, a DRM card); nil when unknown.
    package var registered: Bool?

    /// Creates the facts.
    package init(address: String, driver: String?, registered: Bool?) {
      self.address = address
      self.driver = driver
      self.registered = registered
    }
  }

  /// Drivers that take a device away from its vendor driver.
  static let passThrough: Set<String> = ["vfio-pci", "pci-stub", "pciback"]

  /// A sub-result for `facts`, given the acceptable drivers.
  package static func judge(_ facts: Facts, allowed: [String]) -> CheckItem {
    let wanted = allowed.joined(separator: " or ")
    guard let driver = facts.driver else {
      return CheckItem(facts.address, .fail, "\(facts.address): no driver bound, expected \(wanted)")
    }
    guard allowed.contains(driver) else {
      let why = passThrough.contains(driver) ? " (passed through)" : ""
      return CheckItem(facts.address, .fail, "\(facts.address): driver \(driver)\(why), expected \(wanted)")
    }
    if facts.registered == false {
      let message = "\(facts.address): bound to \(driver) but not registered by it (excluded or failed to initialise)"
      return CheckItem(facts.address, .fail, message)
    }
    return CheckItem(facts.address, .pass, "\(facts.address): driver \(driver), expected \(wanted)")
  }
}
