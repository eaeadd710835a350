import HPCBasics
import TMTModel
import Workflow

/// The seam between `hpctest run` and the HardwareMatch module: decides whether this machine meets a plan's
/// `provision: hardware:` requirements. Until `HardwareMatcher` is merged, plans with requirements run unchecked
/// (the plan's hardware is reported in the output).
enum RunHardware {
  /// The gate for plans run against `sysroot`.
  static func gate(sysroot: SystemRoot) -> HardwareGate {
    { plan in
      let hardware = plan.phases(.provision).compactMap { $0["hardware"] }
      guard !hardware.isEmpty else { return nil }
      // SEAM(HardwareMatch): evaluate `hardware` with HardwareMatcher against a probe of `sysroot` and return
      // the unmet requirement's text. Not merged yet: requirements are not checked.
      return nil
    }
  }
}
