import HardwareProbe

extension PCIDeviceFacts {
  /// The facts of a function of the probe's inventory (`hpctest probe`); the sysfs link attributes are used
  /// rather than the Express capability (as `lspci` and the kernel's own link messages report them).
  package init(_ function: PCIFunction) {
    self.init(
      address: function.address.description, vendor: function.vendorID, device: function.deviceID,
      classCode: function.classCode, driver: function.driver, numaNode: function.numaNode.flatMap { $0 < 0 ? nil : $0 },
      link: LinkFacts(
        address: function.address.description, currentSpeed: function.currentLink?.speed,
        currentWidth: function.currentLink?.width, maxSpeed: function.maximumLink?.speed,
        maxWidth: function.maximumLink?.width),
      ancestors: function.path.map(\.description), hostBridge: function.hostBridge ?? "",
      iommuGroup: function.iommuGroup.map(String.init))
    physicalFunction = function.physicalFunction?.description
    virtualFunctions = function.virtualFunctions.map(\.description)
    sriovNumVFs = function.sriovNumVFs
    sriovTotalVFs = function.sriovTotalVFs
    aer = function.aerCounters.map { counters in
      AERCounts(
        correctable: Int(counters.correctable["TOTAL_ERR_COR"] ?? 0),
        nonFatal: Int(counters.nonfatal["TOTAL_ERR_NONFATAL"] ?? 0),
        fatal: Int(counters.fatal["TOTAL_ERR_FATAL"] ?? 0))
    }
    acsControl = function.acs?.raw
    name = function.name
  }
}
