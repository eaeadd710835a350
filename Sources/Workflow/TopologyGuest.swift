/// One guest as the topology files describe it (`tmt-test-topology.{yaml,sh}`).
package struct TopologyGuest: Sendable, Hashable {
  /// The guest name.
  package var name: String
  /// Its role, nil when none.
  package var role: String?
  /// Its address (`hostname`), nil for a local guest.
  package var hostname: String?

  /// Creates the entry.
  package init(name: String, role: String? = nil, hostname: String? = nil) {
    self.name = name
    self.role = role
    self.hostname = hostname
  }
}
