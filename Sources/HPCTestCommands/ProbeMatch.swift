import ArgumentParser
import HPCBasics
import HardwareMatch
import HardwareProbe
import TMTModel

/// `hpctest probe --match [PLAN...]`: for each selected plan and each of its `provision` phases with `hardware:`,
/// whether this machine (or `--sysroot`) satisfies it and which constraints do not hold.
enum ProbeMatch {
  /// One plan phase's verdict.
  struct Verdict {
    /// `/plans/gpu` or `/plans/gpu (provision: guest-a)` when the plan has several provision phases.
    var label: String
    /// The evaluation, or nil when the plan has no `hardware:` requirement.
    var match: HardwareMatch?
    /// A parse problem in the requirement.
    var problem: Diagnostic?
  }

  /// Verdicts for `plans` against `inventory`, in plan order.
  static func verdicts(_ plans: [TMTPlan], inventory: Inventory) -> [Verdict] {
    plans.flatMap { plan in
      let phases = plan.phases(.provision)
      let withHardware = phases.filter { $0["hardware"].map { !$0.isNull } ?? false }
      guard !withHardware.isEmpty else { return [Verdict(label: plan.name, match: nil)] }
      return withHardware.map { phase in
        let label = phases.count > 1 ? "\(plan.name) (provision: \(phase.name))" : plan.name
        do throws(Diagnostic) {
          let requirement = try HardwareRequirement.parse(phase["hardware"]!)
          return Verdict(label: label, match: HardwareMatcher.evaluate(requirement, against: inventory))
        } catch {
          return Verdict(label: label, problem: error)
        }
      }
    }
  }

  /// The report: `PASS /plans/gpu`, `FAIL /plans/h200` plus indented unmet constraints.
  static func render(_ verdicts: [Verdict]) -> String {
    var lines: [String] = []
    for verdict in verdicts {
      if let problem = verdict.problem {
        lines.append("ERROR \(verdict.label): invalid hardware requirement: \(problem)")
      } else if let match = verdict.match {
        lines.append("\(match.satisfied ? "MATCH" : "NO MATCH") \(verdict.label)")
        lines += match.unmet.map { "    \($0)" }
      } else {
        lines.append("MATCH \(verdict.label) (no hardware requirement)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Exit status: 0 when every verdict matches, 1 when one does not, 2 for an invalid requirement.
  static func exitCode(_ verdicts: [Verdict]) -> Int32 {
    if verdicts.contains(where: { $0.problem != nil }) { return 2 }
    return verdicts.allSatisfy { $0.match?.satisfied ?? true } ? 0 : 1
  }
}
