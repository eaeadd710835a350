import Testing

@testable import HardwareProbe

@Suite struct InventoryTests {
  @Test func realH200() throws {
    let inventory = try Fixtures.probe("h200-x86_64")
    #expect(inventory.functions.count == 7)
    let gpu = try #require(inventory.gpus.first)
    #expect(inventory.gpus.count == 1)
    #expect(gpu.address.description == "0000:00:06.0")
    #expect(gpu.name == "NVIDIA H200")
    #expect(gpu.link == PCILink(speed: 32, width: 16), "nvidia-smi: PCIe gen 5 x16")
    #expect(gpu.nvidia?.uuid == "GPU-32d536a6-9eb2-bd49-e279-1c1753aa700a")
    #expect(gpu.numaNode == nil, "numa_node is -1 in the VM")
    let function = try #require(inventory.function(at: gpu.address))
    #expect(function.driver == "nvidia")
    #expect(function.currentLink == PCILink(speed: 32, width: 16))
    #expect(function.name == "NVIDIA H200", "hpctest's table; the pinned pci.ids lacks 10de:2335")
    #expect(inventory.adapters.isEmpty && inventory.topology.isEmpty)
    #expect(inventory.warnings.isEmpty, "\(inventory.warnings)")
  }

  @Test func a30WithConnectX6() throws {
    let inventory = try Fixtures.probe("a30-cx6-aarch64")
    #expect(inventory.gpus.map(\.name) == Array(repeating: "NVIDIA A30", count: 4))
    #expect(inventory.gpus.map { $0.numaNode ?? -1 } == [0, 0, 0, 1])
    let mlx0 = try #require(inventory.adapter(named: "mlx5_0"))
    #expect(mlx0.address?.description == "0000:05:00.0")
    #expect(mlx0.deviceName == "ConnectX-6")
    #expect(mlx0.ports.first?.lid == 0x1d && mlx0.ports.first?.smLID == 1)
    #expect(mlx0.ports.first?.gids[0] == "fe80:0000:0000:0000:b8ce:f603:00a0:e6f0")
    #expect(inventory.adapter(named: "mlx5_1")?.ports.first?.state == "DOWN")
    #expect(inventory.physicalAdapters.map(\.name) == ["mlx5_0", "mlx5_1"])
    let gpu0 = inventory.gpus[0]
    #expect(inventory.nearestAdapters(to: gpu0).first?.path == .pix)
    #expect(inventory.path(between: gpu0.address, and: inventory.gpus[3].address)?.path == .sys)
    #expect(inventory.path(between: inventory.gpus[2].address, and: mlx0.address!)?.path == .phb)
    #expect(inventory.warnings.map(\.subject) == ["mlx5_1 port 1"])
  }

  @Test func sriovPhysicalAndVirtualFunctions() throws {
    let inventory = try Fixtures.probe("a30-cx6-aarch64")
    let pf = try #require(inventory.sriovGroup(of: PCIAddress("0000:05:00.0")!))
    #expect((pf.totalVFs, pf.numVFs, pf.vfDeviceID) == (16, 8, 0x101c))
    #expect(pf.rdmaDevices == ["mlx5_0"])
    #expect(pf.virtualFunctions.map(\.address.description).last == "0000:05:01.1")
    #expect(pf.virtualFunctions.map { $0.rdmaDevices.first ?? "" } == (2...9).map { "mlx5_\($0)" })
    #expect(pf.virtualFunctions.allSatisfy { $0.policy == "Follow" && $0.driver == "mlx5_core" })
    let vf = try #require(inventory.function(at: PCIAddress("0000:05:00.5")!))
    #expect(vf.physicalFunction?.description == "0000:05:00.0")
    #expect(inventory.adapter(named: "mlx5_5")?.isVirtualFunction == true)
    #expect(inventory.virtualFunctions.count == 8)
    #expect(inventory.sriovGroup(of: PCIAddress("0000:05:00.1")!)?.numVFs == 0)
  }

  @Test func faultyVariantWarns() throws {
    let inventory = try Fixtures.probe("a30-cx6-aarch64-faulty")
    let messages = inventory.warnings.map(\.description)
    #expect(messages.contains("0000:04:00.0: GPU1 PCIe link 16.0 GT/s x8, expected 16.0 GT/s x16"))
    #expect(messages.contains("mlx5_0 port 1: state DOWN (physical state Polling), expected ACTIVE"))
    #expect(messages.contains("0000:05:00.5: VF 3 node GUID is zero, expected one assigned"))
    #expect(inventory.gpus[0].numaNode != inventory.adapter(named: "mlx5_0")?.numaNode)
    let gpu1 = try #require(inventory.function(at: inventory.gpus[1].address))
    #expect(gpu1.aerCounters?.correctable["RxErr"] == 12)
    #expect(inventory.function(at: PCIAddress("0000:02:00.0")!)?.acs?.redirectsPeerToPeer == true)
  }

  @Test func intelMaxEffectiveLinkAndTiles() throws {
    let inventory = try Fixtures.probe("intel-max1550-x86_64")
    #expect(inventory.gpus.count == 2)
    for gpu in inventory.gpus {
      #expect(gpu.vendor == .intel)
      #expect(gpu.name == "Intel Data Center GPU Max 1550")
      #expect(gpu.link == PCILink(speed: 2.5, width: 1))
      #expect(gpu.effectiveLink == PCILink(speed: 32, width: 16))
      #expect(gpu.intel?.tiles == 2)
      #expect(gpu.intel?.gts.first?.maxMHz == 1600)
    }
    #expect(inventory.gpus.map { $0.upstreamPort?.description ?? "" } == ["0000:01:00.0", "0000:81:00.0"])
    let irdma = try #require(inventory.adapter(named: "irdma0"))
    #expect(irdma.transport == .roce)
    #expect(irdma.driver == "ice")
    #expect(irdma.ports.first?.gids.count == 2)
    #expect(inventory.warnings.isEmpty, "\(inventory.warnings)")
  }

  @Test func xeCardTilesAndFrequencies() {
    let card = Fixtures.directory + "/xe-card/sys/class/drm/card1"
    let info = IntelDRMReader.read(card: card, root: .live)
    #expect(info.tiles == 2)
    #expect(info.gts.map(\.name) == ["tile0/gt0", "tile1/gt0"])
    #expect(info.gts.first?.rp0MHz == 1550 && info.gts.first?.actualMHz == 1450)
  }
}

@Suite struct NameTests {
  @Test func tableFirstThenPCIIDsForDevicesOfInterest() throws {
    let inventory = try Fixtures.probe("h200-x86_64")
    let virtioNet = try #require(inventory.functions.first { $0.ids == "1af4:1041" })
    #expect(virtioNet.name == "Virtio 1.0 network device", "a network function falls back to pci.ids")
    #expect(virtioNet.vendorName == "Red Hat, Inc.")
    let hostBridge = try #require(inventory.function(at: PCIAddress("0000:00:00.0")!))
    #expect(hostBridge.name == nil, "not looked up by default")
  }

  @Test func allNamesLooksUpEveryFunction() throws {
    let inventory = try Probe.run(
      root: Fixtures.sysroot("a30-cx6-aarch64"), options: ProbeOptions(pciIDsPath: Fixtures.pciIDs, allNames: true))
    let usp = try #require(inventory.function(at: PCIAddress("0000:01:00.0")!))
    #expect(usp.name == "PEX880xx PCIe Gen 4 Switch")
    #expect(usp.vendorName == "Broadcom / LSI")
    #expect(inventory.gpus.first?.name == "NVIDIA A30", "the table wins over pci.ids' 'GA100GL [A30 PCIe]'")
  }

  @Test func theTableNamesWhatAnOldPCIIDsLacks() {
    let headers = Fixtures.text("public/lspci-vvv.dell-8xH100-cx7.headers.txt")
    #expect(headers.contains("3D controller: NVIDIA Corporation Device 2330"), "the recorded pci.ids lacked it")
    #expect(DeviceNames.name(vendor: 0x10de, device: 0x2330) == "NVIDIA H100 80GB HBM3")
    #expect(DeviceNames.name(vendor: 0x10de, device: 0x2335) == "NVIDIA H200")
    #expect(DeviceNames.isMellanoxVF(vendor: 0x15b3, device: 0x101c))
    #expect(!DeviceNames.isMellanoxVF(vendor: 0x15b3, device: 0x101b))
    let vfListing = Fixtures.text("public/lspci-nn.cx5-pf-and-vf.nvidia-doc.txt")
    #expect(vfListing.contains("[15b3:1018]") && DeviceNames.isMellanoxVF(vendor: 0x15b3, device: 0x1018))
  }
}
