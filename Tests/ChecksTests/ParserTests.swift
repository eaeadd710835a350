import Testing

@testable import Checks

@Suite("Parsers of recorded tool outputs")
struct ParserTests {
  @Test func nvidiaSMIQueryOfTheH200() {
    let gpus = NvidiaSMIQuery(parsing: Fixture.tool("h200.nvidia-smi-query-gpu.csv")).gpus
    #expect(gpus.count == 1)
    let gpu = gpus[0]
    #expect(gpu.address == "0000:00:06.0")
    #expect(gpu.name == "NVIDIA H200")
    #expect(gpu.text("ecc.mode.current") == "Enabled")
    #expect(gpu.int("ecc.errors.uncorrected.volatile.total") == 0)
    #expect(gpu.flag("retired_pages.pending") == nil)
    #expect(gpu.flag("remapped_rows.pending") == false)
    #expect(gpu.number("power.draw") == 84.92)
    #expect(gpu.text("clocks_event_reasons.active")?.integerValue == 1)
    #expect(gpu.int("pcie.link.gen.max") == 5)
  }

  @Test func theQueryArgvAsksForTheRecordedFields() {
    let header = Fixture.tool("h200.nvidia-smi-query-gpu.csv").lines[0]
    let recorded = header.split(separator: ",").map { String($0).before("[") }
    #expect(recorded == NvidiaSMIQuery.fields)
  }

  @Test func xidLinesOfARealLog() {
    let events = XidEvent.parse(Fixture.recorded("dmesg.xid-119.gpud.txt"))
    #expect(events.count == 5)
    #expect(events[0].code == 119)
    #expect(events[0].pci == "0000:9b:00")
    #expect(events[0].uptime == nil)
    #expect(events[0].matches("0000:9b:00.0"))
    #expect(XidEvent.parse(Fixture.tool("h200.dmesg-nvidia.txt")).isEmpty)
  }

  @Test func xidUptimeStamps() {
    let events = XidEvent.parse(Fixture.tool("derived/a30-faulty.dmesg.txt"))
    #expect(events.map(\.code) == [13, 79])
    #expect(events[1].uptime == 99120.731150)
  }

  @Test func nvlinkStatus() {
    let status = NVLinkStatus(parsing: Fixture.tool("nvlink-status.8xA100.txt"))
    #expect(status.gpus.count == 8)
    #expect(status.gpus[0].label == "GPU 0")
    #expect(status.gpus[0].links.count == 12)
    #expect(status.gpus[0].links.allSatisfy { $0.1 == 25 })
    #expect(NVLinkStatus(parsing: Fixture.tool("h200.nvidia-smi-nvlink-s.txt")).gpus.isEmpty)
  }

  @Test func nvlinkInactiveLinkFails() {
    let status = NVLinkStatus(parsing: "GPU 0: NVIDIA A100 (UUID: x)\n\t Link 0: 25 GB/s\n\t Link 1: <inactive>\n")
    let item = NVLinkStatus.judge(status.gpus[0], minimumGBs: nil)
    #expect(item.outcome == .fail)
    #expect(item.message == "GPU 0: NVLink 1 inactive, expected all 2 active")
  }

  @Test func dcgm3TextTablePasses() {
    let diag = DCGMDiag(parsing: Fixture.tool("dcgmi-diag-r2.8xA100-dcgm-3.3.3.unattributed.txt"))
    #expect(diag.version == "3.3.3")
    #expect(diag.entries.count == 11)
    #expect(diag.entries.allSatisfy { $0.outcome == .pass })
    #expect(diag.entries.map(\.test).contains("Page Retirement/Row Remap"))
  }

  @Test func dcgm2TextTableFailsWithItsWarning() {
    let diag = DCGMDiag(parsing: Fixture.tool("dcgmi-diag-r2.fail-nvlink-down.dcgm-2.4.6.excerpt.txt"))
    #expect(diag.entries.count == 1)
    let item = diag.items[0]
    #expect(item.outcome == .fail)
    #expect(item.message.hasPrefix("PCIe: Fail - All: GPU 0GPU 0's NvLink link 0 is currently down"))
    #expect(item.message.hasSuffix(", expected Pass"))
  }

  @Test func dcgm4JSONTestObject() {
    let diag = DCGMDiag(parsing: Fixture.tool("dcgmi-diag-r3-json.dcgm-4.8gpu.excerpt.json.txt"))
    #expect(diag.entries.map(\.entity) == ["0", "3"])
    #expect(diag.entries.allSatisfy { $0.test == "diagnostic" && $0.outcome == .pass })
    #expect(diag.items.map(\.name) == ["diagnostic/GPU 0", "diagnostic/GPU 3"])
  }

  @Test func dcgm3JSONShape() {
    let text = """
      {"DCGM GPU Diagnostic": {"test_categories": [{"category": "Hardware", "tests": [{"name": "GPU Memory",
      "results": [{"gpu_ids": "0", "status": "PASS"}, {"gpu_ids": "1", "status": "FAIL",
      "warnings": [{"warning": "x", "message": "Error using CUDA API cudaMalloc"}]}]}]}]}, "version": "3.3.5"}
      """
    let diag = DCGMDiag(parsing: text)
    #expect(diag.entries.map(\.outcome) == [.pass, .fail])
    #expect(diag.entries[1].detail == "Error using CUDA API cudaMalloc")
    #expect(diag.version == "3.3.5")
  }

  @Test func xpuSMIDiscovery() {
    let guide = XPUSMI.discovery(Fixture.tool("xpu-smi-discovery-j.guide.txt"))
    #expect(
      guide == [
        XPUSMI.Device(id: "0", name: "Intel(R) Graphics [0x020a]", address: "0000:4d:00.0", pciDeviceID: "0x20a")
      ])
    // The B60 excerpt was cut before its opening brace: no JSON to read, which the check reports as an error.
    #expect(XPUSMI.discovery(Fixture.recorded("xpu-smi-discovery-j.arc-pro-b60.excerpt.json.txt")) == nil)
  }

  @Test func xpuSMIHealthTable() {
    let rows = XPUSMI.table(Fixture.tool("xpu-smi-health-l.guide.txt"))
    #expect(rows.count == 6)
    #expect(rows[0].component == "1. GPU Core Temperature")
    #expect(rows.allSatisfy { $0.device == "0" && XPUSMI.outcome($0.status) == .pass })
    #expect(rows[2].detail.contains("Throttle Threshold: 150 watts"))
  }

  @Test func xpuSMIDiagTable() {
    let rows = XPUSMI.table(Fixture.tool("xpu-smi-diag-l1.guide.txt"))
    #expect(
      rows.map(\.component) == [
        "Result", "Software Env Variables", "Software Library", "Software Permission", "Software Exclusive",
      ])
    #expect(rows.allSatisfy { $0.status == "Pass" })
  }

  @Test func ibvDevInfo() {
    let info = IBVDevInfo(parsing: Fixture.tool("ibv_devinfo.cx7-cx6dx.excerpt.txt"))
    #expect(info.devices.map(\.name) == ["mlx5_12", "mlx5_13", "mlx5_0"])
    #expect(info.devices[0].ports == [1: "PORT_DOWN"])
    #expect(info.devices[0].partID == 4125)
    #expect(info.devices[1].firmware == "28.39.2048")
  }

  @Test(arguments: [
    ("ib_write_bw.ib-a-report_gbits.excerpt.txt", 0.17 as Double?),
    ("ib_write_bw.postlist-8B-D60.txt", 0.48),
    ("ib_write_bw.roce-D10-server.excerpt.txt", nil),
  ])
  func perftestBandwidth(file: String, gbps: Double?) {
    #expect(Perftest.bandwidthGbps(Fixture.tool(file)) == gbps)
  }

  @Test func perftestMegabytesAreConverted() {
    let text =
      " #bytes     #iterations    BW peak[MB/sec]    BW average[MB/sec]   MsgRate[Mpps]\n 65536  5000  23000.00  22500.00  0.36\n"
    #expect(Perftest.bandwidthGbps(text) == 180)
  }

  @Test func perftestLatencyColumns() {
    let text = """
       #bytes #iterations    t_min[usec]    t_max[usec]  t_typical[usec]    t_avg[usec]    t_stdev[usec]   99% percentile[usec]   99.9% percentile[usec]
       2       1000          1.91           5.31         1.96               1.97             0.05            2.14                   5.31
      """
    #expect(Perftest.latencyMicroseconds(text) == 1.97)
  }

  @Test func nvbandwidthMatrices() {
    let parsed = NVBandwidth(parsing: Fixture.tool("nvbandwidth.readme-samples.txt"))
    #expect(
      parsed.matrices.map(\.testcase) == [
        "device_to_device_memcpy_write_ce", "host_to_device_memcpy_ce", "host_to_device_bidirectional_memcpy_ce",
      ])
    let d2d = parsed.matrix("device_to_device_memcpy_write_ce")!
    #expect(d2d.rows.count == 8)
    #expect(d2d.rows[6].values[0] == 274.89)
    let h2d = NVBandwidth.perGPU(parsed.matrix("host_to_device_memcpy_ce")!)
    #expect(h2d.count == 8)
    #expect(h2d[0].0 == "0" && h2d[0].1 == 26.03)
  }

  @Test func jsonValues() {
    let json = JSONValue.parse("banner\n{\"a\": [1, 2.5, true, null], \"b\": {\"c\": \"x\\\"y\\u0041\"}}")
    #expect(json?["a"]?.elements.count == 4)
    #expect(json?["a"]?.elements[1] == .number(2.5))
    #expect(json?["b"]?["c"]?.text == "x\"yA")
    #expect(JSONValue.parse("no json here") == nil)
  }
}
