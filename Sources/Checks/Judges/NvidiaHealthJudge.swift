/// Judges the `nvidia-smi --query-gpu` health fields of one GPU.
package enum NvidiaHealthJudge {
  /// ECC on; no uncorrected volatile errors; corrected errors at most `correctedMax` (more warn).
  package static func ecc(_ gpu: NvidiaGPUHealth, correctedMax: Int) -> CheckItem {
    let name = gpu.address
    let mode = gpu.text("ecc.mode.current") ?? "?"
    guard mode.lowercased() == "enabled" else {
      return CheckItem(name, .fail, "\(name): ECC mode \(mode), expected Enabled")
    }
    let uncorrected = gpu.int("ecc.errors.uncorrected.volatile.total") ?? 0
    let corrected = gpu.int("ecc.errors.corrected.aggregate.total") ?? 0
    let text = "\(uncorrected) uncorrected (volatile), \(corrected) corrected (aggregate)"
    if uncorrected > 0 { return CheckItem(name, .fail, "\(name): ECC \(text), expected 0 uncorrected") }
    if corrected > correctedMax {
      return CheckItem(name, .warn, "\(name): ECC \(text), expected at most \(correctedMax) corrected")
    }
    return CheckItem(name, .pass, "\(name): ECC enabled, \(text)")
  }

  /// No pending or failed row remapping; no pending page retirement.
  package static func memoryRepair(_ gpu: NvidiaGPUHealth) -> CheckItem {
    let name = gpu.address
    if gpu.flag("remapped_rows.failure") == true {
      return CheckItem(name, .fail, "\(name): row remapping failed, expected no failure (replace the GPU)")
    }
    if gpu.flag("remapped_rows.pending") == true {
      return CheckItem(name, .fail, "\(name): row remapping pending, expected none (reset the GPU)")
    }
    if gpu.flag("retired_pages.pending") == true {
      return CheckItem(name, .fail, "\(name): page retirement pending, expected none (reset the GPU)")
    }
    let remap = gpu.flag("remapped_rows.pending") == nil ? "row remapping n/a" : "no row remapping pending or failed"
    let retire = gpu.flag("retired_pages.pending") == nil ? "page retirement n/a" : "no page retirement pending"
    return CheckItem(name, .pass, "\(name): \(remap), \(retire)")
  }

  /// Clock-event (throttle) reasons: hardware slowdown, HW thermal and power brake fail; SW thermal warns.
  package static func clockEvents(_ gpu: NvidiaGPUHealth) -> CheckItem {
    let name = gpu.address
    guard let mask = gpu.text("clocks_event_reasons.active")?.integerValue else {
      return CheckItem(name, .skip, "\(name): clock event reasons not reported")
    }
    let failing = reasons.filter { $0.severity == .fail && mask & $0.bit != 0 }.map(\.name)
    let warning = reasons.filter { $0.severity == .warn && mask & $0.bit != 0 }.map(\.name)
    let hex = "0x" + String(mask, radix: 16)
    if !failing.isEmpty {
      return CheckItem(
        name, .fail, "\(name): clocks slowed by \((failing + warning).joined(separator: ", ")) (\(hex)), expected none")
    }
    if !warning.isEmpty {
      return CheckItem(
        name, .warn, "\(name): clocks slowed by \(warning.joined(separator: ", ")) (\(hex)), expected none")
    }
    return CheckItem(name, .pass, "\(name): no thermal or power-brake slowdown (\(hex))")
  }

  /// The clock-event reason bits that matter (nvidia-smi `--help-query-gpu`).
  static let reasons: [(bit: Int, name: String, severity: CheckOutcome)] = [
    (0x8, "HW slowdown", .fail), (0x40, "HW thermal slowdown", .fail), (0x80, "HW power brake slowdown", .fail),
    (0x20, "SW thermal slowdown", .warn),
  ]
}
