/// Warnings about what looks wrong in an inventory: degraded links, ports not ACTIVE, VFs without a GUID.
enum HealthWarnings {
  /// All health warnings, GPUs first, then adapters, then VFs.
  static func find(in inventory: Inventory) -> [ProbeWarning] {
    gpuLinks(inventory) + adapterLinks(inventory) + ports(inventory) + virtualFunctions(inventory)
  }

  private static func gpuLinks(_ inventory: Inventory) -> [ProbeWarning] {
    inventory.gpus.compactMap { gpu in
      degraded(gpu.effectiveLink, capability: gpu.effectiveLinkCapability).map { message in
        let via = gpu.upstreamPort.map { " (card upstream port \($0))" } ?? ""
        return ProbeWarning(gpu.address.description, "GPU\(gpu.index) \(message)\(via)")
      }
    }
  }

  private static func adapterLinks(_ inventory: Inventory) -> [ProbeWarning] {
    let addresses = Set(inventory.adapters.filter { !$0.isVirtualFunction }.compactMap(\.address))
    return inventory.functions.filter { addresses.contains($0.address) }.compactMap { function in
      degraded(function.link, capability: function.linkCapability).map {
        ProbeWarning(function.address.description, "\(function.name ?? function.ids) \($0)")
      }
    }
  }

  /// `PCIe link 16.0 GT/s x8, expected 32.0 GT/s x16` when `link` is below `capability`.
  static func degraded(_ link: PCILink?, capability: PCILink?) -> String? {
    guard let link, let capability, !link.meets(capability) else { return nil }
    return "PCIe link \(link), expected \(capability)"
  }

  private static func ports(_ inventory: Inventory) -> [ProbeWarning] {
    inventory.adapters.filter { !$0.isVirtualFunction }.flatMap { adapter in
      adapter.ports.filter { !$0.isActive }.map { port in
        let physical = port.physicalState.map { " (physical state \($0))" } ?? ""
        return ProbeWarning(
          "\(adapter.name) port \(port.number)", "state \(port.state ?? "unknown")\(physical), expected ACTIVE")
      }
    }
  }

  private static func virtualFunctions(_ inventory: Inventory) -> [ProbeWarning] {
    inventory.sriov.flatMap { group in
      var warnings: [ProbeWarning] = []
      if let num = group.numVFs, num != group.virtualFunctions.count {
        warnings.append(
          ProbeWarning(
            group.physicalFunction.description,
            "sriov_numvfs is \(num) but \(group.virtualFunctions.count) virtfn links were found"))
      }
      for vf in group.virtualFunctions where vf.nodeGUID.map(RDMAReader.isZeroGID) == true {
        warnings.append(ProbeWarning(vf.address.description, "VF \(vf.index) node GUID is zero, expected one assigned"))
      }
      return warnings
    }
  }
}
