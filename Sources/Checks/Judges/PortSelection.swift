/// Which RDMA ports a port check judges. The site lists the cabled ports (`ib-ports: [mlx5_0/1]`); without that
/// list every port whose physical state is not `Disabled` is expected up. A port left out is a `skip` with a note,
/// a listed port that does not exist a `fail`.
package enum PortSelection {
  /// The ports to judge, and the sub-results for the ports left out and for listed ports that are missing.
  package static func select(_ ports: [PortFacts], expected: [String]) -> (judged: [PortFacts], items: [CheckItem]) {
    guard !expected.isEmpty else {
      let disabled = ports.filter(\.isDisabled).map { port in
        CheckItem(
          port.label, .skip,
          "\(port.label): physical state \(port.physState), not expected up (list it in ib-ports to require it)")
      }
      return (ports.filter { !$0.isDisabled }, disabled)
    }
    let listed = expected.joined(separator: ", ")
    let judged = ports.filter { expected.contains($0.label) || expected.contains($0.device) }
    let skipped = ports.filter { !judged.contains($0) }.map { port in
      CheckItem(port.label, .skip, "\(port.label): not in ib-ports (\(listed)), not judged")
    }
    let missing = expected.filter { name in !ports.contains { $0.label == name || $0.device == name } }.map { name in
      CheckItem(name, .fail, "\(name): no such RDMA port, expected by ib-ports (\(listed))")
    }
    return (judged, skipped + missing)
  }
}

extension PortFacts {
  /// True when the physical state is `Disabled` (the port is administratively or by cabling out of use).
  package var isDisabled: Bool { physState.lowercased() == "disabled" }
}
