/// Judges RDMA ports: state, rate, subnet manager, error counters.
package enum PortJudge {
  /// ACTIVE and LinkUp pass; anything else fails.
  package static func state(_ port: PortFacts) -> CheckItem {
    let actual = "state \(port.state), physical state \(port.physState)"
    let ok = port.state.uppercased() == "ACTIVE" && port.physState.lowercased() == "linkup"
    return CheckItem(port.label, ok ? .pass : .fail, "\(port.label): \(actual), expected ACTIVE, LinkUp")
  }

  /// The rate must reach `expected` Gb/s (nil: any rate passes while the port is up).
  package static func rate(_ port: PortFacts, expected: Double?) -> CheckItem {
    guard let rate = port.rateGbps else {
      return CheckItem(port.label, .fail, "\(port.label): rate unknown ('\(port.rateText)')")
    }
    guard let expected else {
      return CheckItem(port.label, .pass, "\(port.label): rate \(port.rateText) (no expected rate known)")
    }
    let outcome: CheckOutcome = rate >= expected ? .pass : .fail
    return CheckItem(
      port.label, outcome, "\(port.label): rate \(rate.formatted(0)) Gb/s, expected \(expected.formatted(0)) Gb/s")
  }

  /// An InfiniBand port needs a LID and a subnet manager LID; RoCE ports have neither and skip.
  package static func subnetManager(_ port: PortFacts) -> CheckItem {
    guard port.isInfiniBand else {
      return CheckItem(port.label, .skip, "\(port.label): link layer \(port.linkLayer), no subnet manager needed")
    }
    let lid = port.lid ?? 0
    let sm = port.smLid ?? 0
    let text = "lid \(hex(lid)), sm_lid \(hex(sm))"
    guard lid != 0, sm != 0, lid != 0xffff else {
      return CheckItem(port.label, .fail, "\(port.label): \(text), expected a LID assigned by a subnet manager")
    }
    return CheckItem(port.label, .pass, "\(port.label): \(text)")
  }

  /// Error counters above `maximum` warn; `before` (counters at an earlier time) judges the increase instead.
  package static func counters(_ port: PortFacts, maximum: Int, before: [String: Int]? = nil) -> CheckItem {
    var over: [String] = []
    for name in PortFacts.errorCounterNames {
      guard let value = port.errorCounters[name] else { continue }
      let delta = value - (before?[name] ?? 0)
      if delta > maximum { over.append("\(name) \(before == nil ? "" : "+")\(delta)") }
    }
    let scope = before == nil ? "" : " during the plan"
    guard over.isEmpty else {
      let message = "\(port.label): \(over.joined(separator: ", "))\(scope), expected at most \(maximum) each"
      return CheckItem(port.label, .warn, message)
    }
    guard !port.errorCounters.isEmpty else {
      return CheckItem(port.label, .skip, "\(port.label): no counters exposed")
    }
    let message = "\(port.label): \(port.errorCounters.count) counters read, none above \(maximum)\(scope)"
    return CheckItem(port.label, .pass, message)
  }

  static func hex(_ value: Int) -> String { "0x" + String(value, radix: 16) }
}
