import HPCBasics
import HardwareMatch
import HardwareProbe
import Synchronization
import TMTModel
import Workflow
import YAML

/// Decides, with the HardwareMatch module, whether this machine meets a plan's `provision: hardware:`
/// requirements. The machine is probed once per run (under `--sysroot`), only when a plan has requirements.
enum RunHardware {
  /// The gate for plans run against `sysroot`: nil when met, else the unmet requirements as one note.
  static func gate(sysroot: SystemRoot) -> HardwareGate {
    let cache = Mutex<Result<Inventory, ProbeError>?>(nil)
    return { plan in
      let nodes = plan.phases(.provision).compactMap { $0["hardware"] }
      guard !nodes.isEmpty else { return nil }
      let inventory = cache.withLock { cached in
        if cached == nil { cached = Result { () throws(ProbeError) in try Probe.run(root: sysroot) } }
        return cached!
      }
      switch inventory {
      case .failure(let error): return "hardware requirements cannot be checked: \(error)"
      case .success(let inventory): return unmet(nodes, plan: plan.name, inventory: inventory)
      }
    }
  }

  private static func unmet(_ nodes: [YAML.YAMLNode], plan: String, inventory: Inventory) -> String? {
    var reasons: [String] = []
    for node in nodes {
      do throws(Diagnostic) {
        let requirement = try HardwareRequirement.parse(node)
        reasons += HardwareMatcher.evaluate(requirement, against: inventory).unmet
      } catch {
        reasons.append("invalid hardware requirement: \(error.description)")
      }
    }
    return reasons.isEmpty ? nil : "hardware requirement not met: " + reasons.joined(separator: "; ")
  }
}
