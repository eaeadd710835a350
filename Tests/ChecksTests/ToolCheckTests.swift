import Testing

@testable import Checks

/// Checks that run vendor tools, served recorded outputs by the fake runner.
@Suite("Checks with recorded tool outputs")
struct ToolCheckTests {
  static let query = NvidiaSMIQuery.argv.joined(separator: " ")

  @Test(arguments: ["gpu.nvidia-health", "gpu.ecc", "gpu.remapped-rows", "gpu.clock-events"])
  func theRealH200Passes(check: String) async {
    let result = await runCheck(check, root: "h200-x86_64", tools: [Self.query: (0, "h200.nvidia-smi-query-gpu.csv")])
    #expect(result.outcome == .pass, "\(result.items)")
  }

  @Test func h200HasNoXidAndNoNVLink() async {
    let xid = await runCheck("gpu.xid", root: "h200-x86_64", tools: ["dmesg": (0, "h200.dmesg-nvidia.txt")])
    #expect(xid.items == [CheckItem("0000:00:06.0", .pass, "0000:00:06.0: no XID in the kernel log")])
    let nvlink = await runCheck(
      "gpu.nvlink", root: "h200-x86_64", tools: ["nvidia-smi": (0, "h200.nvidia-smi-nvlink-s.txt")])
    #expect(nvlink.outcome == .skip)
  }

  @Test func faultyECCAndMemoryRepairAndClocks() async {
    let tools = [Self.query: (Int32(0), "derived/a30-faulty.nvidia-smi-query-gpu.csv")]
    let ecc = await runCheck("gpu.ecc", root: "a30-cx6-aarch64-faulty", tools: tools)
    #expect(
      ecc.item("0000:41:00.0")?.message
        == "0000:41:00.0: ECC 2 uncorrected (volatile), 14 corrected (aggregate), expected 0 uncorrected")
    #expect(ecc.item("0000:c1:00.0")?.message == "0000:c1:00.0: ECC mode Disabled, expected Enabled")
    #expect(ecc.item("0000:03:00.0")?.outcome == .pass)
    let repair = await runCheck("gpu.remapped-rows", root: "a30-cx6-aarch64-faulty", tools: tools)
    #expect(
      repair.item("0000:81:00.0")?.message == "0000:81:00.0: row remapping pending, expected none (reset the GPU)")
    #expect(
      repair.item("0000:41:00.0")?.message == "0000:41:00.0: page retirement pending, expected none (reset the GPU)")
    let clocks = await runCheck("gpu.clock-events", root: "a30-cx6-aarch64-faulty", tools: tools)
    #expect(
      clocks.item("0000:c1:00.0")?.message == "0000:c1:00.0: clocks slowed by HW thermal slowdown (0x40), expected none"
    )
  }

  @Test func healthyA30Health() async {
    let tools = [Self.query: (Int32(0), "derived/a30.nvidia-smi-query-gpu.csv")]
    for check in ["gpu.nvidia-health", "gpu.ecc", "gpu.remapped-rows", "gpu.clock-events"] {
      let result = await runCheck(check, root: "a30-cx6-aarch64", tools: tools)
      #expect(result.outcome == .pass, "\(check): \(result.items)")
    }
  }

  @Test func aGPUMissingFromNvidiaSMIFails() async {
    let result = await runCheck(
      "gpu.nvidia-health", root: "a30-cx6-aarch64", tools: [Self.query: (0, "h200.nvidia-smi-query-gpu.csv")])
    #expect(result.item("0000:03:00.0")?.message == "0000:03:00.0: not visible to nvidia-smi, expected every GPU")
  }

  @Test func nvidiaSMIExitCodes() async {
    let result = await runCheck(
      "gpu.ecc", root: "a30-cx6-aarch64", tools: ["nvidia-smi": (9, "h200.nvidia-smi-nvlink-s.txt")])
    #expect(result.items == [CheckItem("gpu.ecc", .fail, "nvidia-smi exited 9: the NVIDIA driver is not loaded")])
  }

  @Test func faultyXid79() async {
    let result = await runCheck(
      "gpu.xid", root: "a30-cx6-aarch64-faulty", tools: ["dmesg": (0, "derived/a30-faulty.dmesg.txt")])
    #expect(result.outcome == .fail)
    #expect(result.item("0000:41:00.0")?.outcome == .fail)
    #expect(result.item("0000:41:00.0")?.message.hasPrefix("0000:41:00.0: XID 79 in the last 86400 s") == true)
    #expect(result.item("0000:81:00.0")?.outcome == .pass, "its XID 13 is older than the window")
    let wide = await runCheck(
      "gpu.xid", root: "a30-cx6-aarch64-faulty", tools: ["dmesg": (0, "derived/a30-faulty.dmesg.txt")],
      expect: ["xid-window": "100000"])
    #expect(wide.item("0000:81:00.0")?.outcome == .info)
  }

  @Test func missingToolSkipsUnlessRequired() async {
    let skipped = await runCheck("gpu.ecc", root: "a30-cx6-aarch64")
    #expect(skipped.items == [CheckItem("gpu.ecc", .skip, "nvidia-smi not found on PATH")])
    let required = await runCheck("gpu.ecc", root: "a30-cx6-aarch64", expect: ["required-tools": "nvidia-smi"])
    #expect(
      required.items == [CheckItem("gpu.ecc", .fail, "nvidia-smi not found on PATH (the site marks it required)")])
  }

  @Test func dcgmDiagnostics() async {
    let pass = await runCheck(
      "gpu.dcgm-diag", root: "h200-x86_64", tools: ["dcgmi": (0, "dcgmi-diag-r3-json.dcgm-4.8gpu.excerpt.json.txt")])
    #expect(pass.outcome == .pass)
    let fail = await runCheck(
      "gpu.dcgm-diag", root: "h200-x86_64",
      tools: ["dcgmi": (226, "dcgmi-diag-r2.fail-nvlink-down.dcgm-2.4.6.excerpt.txt")])
    #expect(fail.outcome == .fail)
  }

  @Test func intelXPUSMIChecks() async {
    let health = await runCheck(
      "gpu.xpu-health", root: "intel-max1550-x86_64", tools: ["xpu-smi": (0, "xpu-smi-health-l.guide.txt")])
    #expect(health.outcome == .pass)
    #expect(health.items.count == 6)
    let discovery = await runCheck(
      "gpu.xpu-discovery", root: "intel-max1550-x86_64", tools: ["xpu-smi": (0, "xpu-smi-discovery-j.guide.txt")])
    #expect(
      discovery.item("0000:03:00.0")?.message == "0000:03:00.0: not listed by xpu-smi discovery, expected every GPU")
    let diag = await runCheck(
      "gpu.xpu-diag", root: "intel-max1550-x86_64", tools: ["xpu-smi": (0, "xpu-smi-diag-l1.guide.txt")])
    #expect(diag.outcome == .pass)
    #expect(diag.items.count == 10)
  }

  @Test func verbsDevices() async {
    let result = await runCheck(
      "rdma.verbs", root: "a30-cx6-aarch64", tools: ["ibv_devinfo": (0, "ibv_devinfo.cx7-cx6dx.excerpt.txt")])
    #expect(result.item("mlx5_0")?.outcome == .pass)
    #expect(result.item("mlx5_1")?.message == "mlx5_1: not listed by ibv_devinfo, expected a verbs device")
  }

  @Test func hostToDeviceBandwidthFigures() async {
    let result = await runCheck(
      "gpu.h2d-bandwidth", root: "a30-cx6-aarch64", tools: ["nvbandwidth": (0, "nvbandwidth.readme-samples.txt")])
    #expect(result.figures.count == 16)
    let gpu0 = result.item("GPU 0:host_to_device_memcpy_ce")
    #expect(gpu0?.outcome == .pass)
    #expect(gpu0?.message == "GPU 0:host_to_device_memcpy_ce: 26.03 GB/s, expected ≥ 22.06 GB/s (0.7 × 31.51)")
    #expect(
      result.item("GPU 4:host_to_device_memcpy_ce")?.message
        == "GPU 4:host_to_device_memcpy_ce: 26.19 GB/s (no reference)")
  }

  @Test func pingpongNeedsBothSidesToFinish() async {
    let ok = await runCheck(
      "rdma.pingpong", root: "a30-cx6-aarch64",
      tools: ["ibv_rc_pingpong": (0, "h200.nvidia-smi-nvlink-s.txt"), "sh": (0, "h200.nvidia-smi-nvlink-s.txt")])
    #expect(ok.items == [CheckItem("mlx5_0/1", .pass, "mlx5_0/1: RC ping-pong completed")])
    let failed = await runCheck(
      "rdma.pingpong", root: "a30-cx6-aarch64",
      tools: ["ibv_rc_pingpong": (0, "h200.nvidia-smi-nvlink-s.txt"), "sh": (1, "ibv_devinfo.cx7-cx6dx.excerpt.txt")])
    #expect(failed.item("mlx5_0/1")?.outcome == .fail)
    #expect(await runCheck("rdma.pingpong", root: "a30-cx6-aarch64").outcome == .skip)
  }

  @Test func loopbackBandwidthAgainstLineRate() async {
    let tools: [String: (Int32, String)] = [
      "ib_write_bw": (0, "ib_write_bw.postlist-8B-D60.txt"), "sh": (0, "ib_write_bw.postlist-8B-D60.txt"),
    ]
    let result = await runCheck("rdma.loopback-bw", root: "a30-cx6-aarch64", tools: tools)
    #expect(result.item("mlx5_0/1")?.message == "mlx5_0/1: 0.48 Gb/s, expected ≥ 180.0 Gb/s (0.9 × 200.0 Gb/s)")
    #expect(result.figures.first?.name == "mlx5_0/1:bw")
  }

  @Test func concurrentLoadShares() async {
    let tools: [String: (Int32, String)] = [
      "ib_write_bw": (0, "ib_write_bw.postlist-8B-D60.txt"), "sh": (0, "ib_write_bw.postlist-8B-D60.txt"),
      "nvbandwidth": (0, "nvbandwidth.readme-samples.txt"),
    ]
    let result = await runCheck("crosstalk.concurrent-load", root: "a30-cx6-aarch64", tools: tools)
    #expect(result.outcome == .pass, "same recorded figures solo and loaded keep 100 %: \(result.items)")
    #expect(result.items.count == 9)
  }
}
