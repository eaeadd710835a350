/// Intel GPU checks: `xpu-smi` discovery, health and diagnostics, and tiles/frequencies from sysfs.
enum IntelChecks {
  static let all = [discovery, health, diagnostics, tiles]

  static let discovery = CheckDefinition(
    "gpu.xpu-discovery", "xpu-smi discovery -j lists every Intel GPU found in sysfs", needs: "xpu-smi"
  ) { context in
    let gpus = NodeFacts(context).intelGPUs
    guard !gpus.isEmpty else { return .skip("gpu.xpu-discovery", "no Intel GPU found") }
    switch await context.tool(["xpu-smi", "discovery", "-j"], for: "gpu.xpu-discovery") {
    case .unavailable(let result): return result
    case .ran(let status, let output):
      guard status == 0 else { return .error("gpu.xpu-discovery", "xpu-smi discovery exited \(status)") }
      guard let listed = XPUSMI.discovery(output) else {
        return .error("gpu.xpu-discovery", "xpu-smi discovery -j printed no JSON: \(output.lines.first ?? "")")
      }
      let items = gpus.map { gpu in
        guard let device = listed.first(where: { $0.address.lowercased() == gpu.address }) else {
          return CheckItem(gpu.address, .fail, "\(gpu.address): not listed by xpu-smi discovery, expected every GPU")
        }
        return CheckItem(gpu.address, .pass, "\(gpu.address): xpu-smi device \(device.id), \(device.name)")
      }
      return CheckResult(check: "gpu.xpu-discovery", items: items)
    }
  }

  static let health = CheckDefinition(
    "gpu.xpu-health", "xpu-smi health -l: every component Ok", needs: "xpu-smi"
  ) { context in
    await table("gpu.xpu-health", ["xpu-smi", "health", "-l"], context)
  }

  static let diagnostics = CheckDefinition(
    "gpu.xpu-diag", "xpu-smi diag -d DEV -l LEVEL passes on every Intel GPU", needs: "xpu-smi", keys: ["xpu-diag-level"]
  ) { context in
    let gpus = NodeFacts(context).intelGPUs
    guard !gpus.isEmpty else { return .skip("gpu.xpu-diag", "no Intel GPU found") }
    let level = String(context.expectations.int("xpu-diag-level") ?? 1)
    var items: [CheckItem] = []
    for gpu in gpus {
      let result = await table("gpu.xpu-diag", ["xpu-smi", "diag", "-d", gpu.address, "-l", level], context)
      if result.items.contains(where: { $0.name == "gpu.xpu-diag" }) { return result }
      items += result.items.map { CheckItem("\(gpu.address)/\($0.name)", $0.outcome, "\(gpu.address): \($0.message)") }
    }
    return CheckResult(check: "gpu.xpu-diag", items: items)
  }

  /// Runs a table-printing xpu-smi command and judges its rows.
  static func table(_ check: String, _ argv: [String], _ context: CheckContext) async -> CheckResult {
    guard !NodeFacts(context).intelGPUs.isEmpty else { return .skip(check, "no Intel GPU found") }
    switch await context.tool(argv, for: check) {
    case .unavailable(let result): return result
    case .ran(let status, let output):
      let rows = XPUSMI.table(output)
      guard !rows.isEmpty else {
        return .error(check, "\(argv.joined(separator: " ")) exited \(status) without results")
      }
      return CheckResult(check: check, items: XPUSMI.items(rows))
    }
  }

  static let tiles = CheckDefinition(
    "gpu.intel-tiles", "tile count per Intel GPU and frequency caps from sysfs (i915 gt/gtN, xe tileN)",
    needs: "sysfs", keys: ["gpu-tiles"]
  ) { context in
    let facts = NodeFacts(context)
    guard !facts.intelGPUs.isEmpty else { return .skip("gpu.intel-tiles", "no Intel GPU found") }
    let items = facts.intelGPUs.map { gpu in
      let expected = context.expectations.int("gpu-tiles") ?? gpu.model?.tiles
      return IntelTileJudge.judge(IntelTileFacts.read(gpu.address, facts.reader), expectedTiles: expected)
    }
    return CheckResult(check: "gpu.intel-tiles", items: items)
  }
}
