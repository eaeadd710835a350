import HPCBasics
import YAML

/// The guests of a multihost plan as a test sees them in `tmt-test-topology.yaml` (`$TMT_TOPOLOGY_YAML`, written by
/// tmt and by `hpctest run`): this guest's name and role, and every guest's role and address. The two-node RDMA
/// checks find their peer here.
package struct PairTopology: Sendable, Hashable {
  /// One guest: name, role, address (`hostname`; nil for a local guest).
  package struct Guest: Sendable, Hashable {
    /// The guest name.
    package var name: String
    /// Its role, nil when none.
    package var role: String?
    /// Its address, nil when the file has none.
    package var hostname: String?

    /// Creates the entry.
    package init(name: String, role: String?, hostname: String?) {
      self.name = name
      self.role = role
      self.hostname = hostname
    }
  }

  /// This guest.
  package var current: Guest
  /// Every guest, in the file's order.
  package var guests: [Guest]

  /// Creates a topology.
  package init(current: Guest, guests: [Guest]) {
    self.current = current
    self.guests = guests
  }

  /// Reads the file at `path`; a missing file or one without `guest.name` is an error naming the file.
  package static func read(_ path: String) throws(Diagnostic) -> PairTopology {
    guard let text = FileSystem.readText(path) else { throw .error("cannot read the topology file '\(path)'") }
    guard let root = try YAMLParser.parse(text, file: path), let current = root["guest"].flatMap(guest) else {
      throw .error("\(path): no 'guest' with a 'name' (not a tmt-test-topology.yaml)")
    }
    let guests = (root["guests"]?.mappingValue ?? []).compactMap { guest($0.value) }
    return PairTopology(current: current, guests: guests.isEmpty ? [current] : guests)
  }

  private static func guest(_ node: YAMLNode) -> Guest? {
    guard let name = node["name"]?.stringValue else { return nil }
    let hostname = node["hostname"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    return Guest(name: name, role: node["role"]?.stringValue, hostname: hostname)
  }

  /// The first other guest with `role`, nil when there is none.
  package func peer(role: String) -> Guest? { guests.first { $0.role == role && $0.name != current.name } }
}
