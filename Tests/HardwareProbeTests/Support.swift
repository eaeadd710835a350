import HPCBasics
import Testing

@testable import HardwareProbe

/// Paths of the test fixtures, found from this file's location (no bundle lookup, no Foundation).
enum Fixtures {
  /// `Tests/HardwareProbeTests/Fixtures`.
  static let directory = Path.dirname(#filePath) + "/Fixtures"
  /// The repository root.
  static let repository = Path.dirname(Path.dirname(Path.dirname(#filePath)))
  /// `Tests/Sysroots/<name>`.
  static func sysroot(_ name: String) -> SystemRoot { SystemRoot(repository + "/Tests/Sysroots/" + name) }
  /// The pinned pci.ids subset.
  static let pciIDs = directory + "/pci.ids"
  /// The sysroot fixtures with golden outputs.
  static let sysroots = ["h200-x86_64", "intel-max1550-x86_64", "a30-cx6-aarch64", "a30-cx6-aarch64-faulty"]

  /// Probes a fixture sysroot with the pinned pci.ids; the root is shown as its name.
  static func probe(_ name: String) throws -> Inventory {
    var inventory = try Probe.run(root: sysroot(name), options: ProbeOptions(pciIDsPath: pciIDs))
    inventory.root = name
    return inventory
  }

  /// A fixture file's text.
  static func text(_ relative: String) -> String { FileSystem.readText(directory + "/" + relative) ?? "" }
}

/// A PCI function value for classifier tests.
func makeFunction(
  _ address: String, vendor: UInt16 = 0x10de, device: UInt16 = 0x20b7, classCode: UInt32 = 0x030200,
  path: [String] = [], host: String? = "pci0000:00", numa: Int? = 0, portType: Int? = nil,
  physfn: String? = nil
) -> PCIFunction {
  var function = PCIFunction(
    address: PCIAddress(address)!, vendorID: vendor, deviceID: device, classCode: classCode, numaNode: numa,
    configBytes: 4096, path: path.map { PCIAddress($0)! }, hostBridge: host,
    physicalFunction: physfn.flatMap { PCIAddress($0) }, virtualFunctions: [])
  if let portType {
    let link = PCILink(speed: 16, width: 16)
    function.express = ExpressCapability(portType: portType, maximum: link, current: link)
  }
  return function
}
