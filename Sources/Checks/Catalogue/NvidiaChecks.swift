/// NVIDIA GPU checks built on `nvidia-smi`, the kernel log, DCGM and nvbandwidth.
enum NvidiaChecks {
  static let all = [health, ecc, memoryRepair, clockEvents, xid, nvlink, dcgm] + NvidiaBandwidthChecks.all

  /// The per-GPU health rows joined to the NVIDIA GPUs in sysfs, or the result to return instead.
  static func query(_ context: CheckContext, _ check: String) async -> Result<[(String, NvidiaGPUHealth?)], Stop> {
    let gpus = NodeFacts(context).nvidiaGPUs
    guard !gpus.isEmpty else { return .failure(Stop(.skip(check, "no NVIDIA GPU found"))) }
    switch await context.tool(NvidiaSMIQuery.argv, for: check) {
    case .unavailable(let result): return .failure(Stop(result))
    case .ran(let status, let output):
      guard status == 0 else {
        let message = "nvidia-smi exited \(status): \(NvidiaSMIExitCode.message(status))"
        return .failure(Stop(CheckResult(check: check, items: [CheckItem(check, .fail, message)])))
      }
      let rows = NvidiaSMIQuery(parsing: output).gpus
      return .success(gpus.map { gpu in (gpu.address, rows.first { $0.address == gpu.address }) })
    }
  }

  /// Runs `judge` on each GPU's row; a GPU missing from nvidia-smi fails.
  static func perGPU(
    _ check: String, _ context: CheckContext, judge: @Sendable (NvidiaGPUHealth) -> CheckItem
  ) async -> CheckResult {
    switch await query(context, check) {
    case .failure(let stop): return stop.result
    case .success(let rows):
      let items = rows.map { address, row in
        row.map(judge) ?? CheckItem(address, .fail, "\(address): not visible to nvidia-smi, expected every GPU")
      }
      return CheckResult(check: check, items: items)
    }
  }

  static let health = CheckDefinition(
    "gpu.nvidia-health", "nvidia-smi answers (exit status mapped as NHC does) and sees every GPU",
    needs: "nvidia-smi"
  ) { context in
    await perGPU("gpu.nvidia-health", context) { gpu in
      let temperature = gpu.number("temperature.gpu").map { ", \($0.formatted(0)) C" } ?? ""
      let power = gpu.number("power.draw").map { ", \($0.formatted(1)) W" } ?? ""
      return CheckItem(gpu.address, .pass, "\(gpu.address): \(gpu.name) visible to nvidia-smi\(temperature)\(power)")
    }
  }

  static let ecc = CheckDefinition(
    "gpu.ecc", "ECC enabled, no uncorrected errors, corrected errors under a threshold", needs: "nvidia-smi",
    keys: ["ecc-corrected-max"]
  ) { context in
    let maximum = context.expectations.int("ecc-corrected-max") ?? 1000
    return await perGPU("gpu.ecc", context) { NvidiaHealthJudge.ecc($0, correctedMax: maximum) }
  }

  static let memoryRepair = CheckDefinition(
    "gpu.remapped-rows", "no row remapping pending or failed, no page retirement pending", needs: "nvidia-smi"
  ) { context in
    await perGPU("gpu.remapped-rows", context) { NvidiaHealthJudge.memoryRepair($0) }
  }

  static let clockEvents = CheckDefinition(
    "gpu.clock-events", "no HW/thermal/power-brake clock slowdown", needs: "nvidia-smi"
  ) { context in
    await perGPU("gpu.clock-events", context) { NvidiaHealthJudge.clockEvents($0) }
  }

  static let xid = CheckDefinition(
    "gpu.xid", "no critical XID in the kernel log within a window", needs: "dmesg", keys: ["xid-window"]
  ) { context in
    let gpus = NodeFacts(context).nvidiaGPUs
    guard !gpus.isEmpty else { return .skip("gpu.xid", "no NVIDIA GPU found") }
    switch await context.tool(["dmesg"], for: "gpu.xid") {
    case .unavailable(let result): return result
    case .ran(let status, let output):
      guard status == 0 else { return .skip("gpu.xid", "dmesg exited \(status): kernel log not readable") }
      let window = Double(context.expectations.int("xid-window") ?? 86400)
      let uptime = SysfsReader(root: context.root).attribute("/proc/uptime")?.leadingNumber
      let since = uptime.map { $0 - window }
      let text = uptime == nil ? "in the kernel log" : "in the last \(Int(window)) s"
      let items = XidJudge.judge(gpus: gpus.map(\.address), events: XidEvent.parse(output), since: since, window: text)
      return CheckResult(check: "gpu.xid", items: items)
    }
  }

  static let nvlink = CheckDefinition(
    "gpu.nvlink", "every NVLink active (and at the expected speed)", needs: "nvidia-smi", keys: ["nvlink-gbs"]
  ) { context in
    guard !NodeFacts(context).nvidiaGPUs.isEmpty else { return .skip("gpu.nvlink", "no NVIDIA GPU found") }
    switch await context.tool(["nvidia-smi", "nvlink", "-s"], for: "gpu.nvlink") {
    case .unavailable(let result): return result
    case .ran(let status, let output):
      guard status == 0 else { return .error("gpu.nvlink", "nvidia-smi nvlink -s exited \(status)") }
      let status = NVLinkStatus(parsing: output)
      let withLinks = status.gpus.filter { !$0.links.isEmpty }
      guard !withLinks.isEmpty else { return .skip("gpu.nvlink", "no NVLink on this machine") }
      let minimum = context.expectations.double("nvlink-gbs")
      return CheckResult(check: "gpu.nvlink", items: withLinks.map { NVLinkStatus.judge($0, minimumGBs: minimum) })
    }
  }

  static let dcgm = CheckDefinition(
    "gpu.dcgm-diag", "dcgmi diag -r LEVEL -j passes (DCGM 3 and 4 JSON, text fallback)", needs: "dcgmi",
    keys: ["dcgm-level"]
  ) { context in
    guard !NodeFacts(context).nvidiaGPUs.isEmpty else { return .skip("gpu.dcgm-diag", "no NVIDIA GPU found") }
    let level = context.expectations.int("dcgm-level") ?? 1
    switch await context.tool(["dcgmi", "diag", "-r", String(level), "-j"], for: "gpu.dcgm-diag") {
    case .unavailable(let result): return result
    case .ran(let status, let output):
      let diag = DCGMDiag(parsing: output)
      guard !diag.entries.isEmpty else {
        return .error("gpu.dcgm-diag", "dcgmi diag exited \(status) without results: \(output.lines.first ?? "")")
      }
      return CheckResult(check: "gpu.dcgm-diag", items: diag.items, notes: diag.version.map { ["DCGM \($0)"] } ?? [])
    }
  }
}

/// A result that ends a check early.
struct Stop: Error {
  var result: CheckResult
  init(_ result: CheckResult) { self.result = result }
}
