import Reporting
import Synchronization
import TMTModel
import YAML

/// Small files tmt writes beside every test: metadata and the (single-guest) topology.
enum TestFiles {
  static func metadata(_ test: TMTTest, context: PlanContext) -> String {
    var entries = [
      YAMLEntry("name", .string(test.name)), YAMLEntry("test", .string(test.test)),
      YAMLEntry("path", .optional(test.path)), YAMLEntry("framework", .optional(test.framework)),
      YAMLEntry("duration", .optional(test.duration?.scalarText)), YAMLEntry("result", .string(test.result)),
      YAMLEntry("order", .integer(test.order)), YAMLEntry("tag", YAMLTree.strings(test.tag)),
    ]
    entries.append(
      YAMLEntry("environment", .mapping(test.environment.map { YAMLEntry($0.0, .string($0.1)) })))
    entries.append(
      YAMLEntry("context", .mapping(context.options.context.map { YAMLEntry($0.0, YAMLTree.strings($0.1)) })))
    return YAMLEmitter.emit(.mapping(entries))
  }

  /// Both topology files' texts for `guest`, made once for a run of tests with the same topology (every test of a
  /// guest has the same files) and remembered for the next test.
  static func topology(guest: String, guests: [TopologyGuest]) -> (yaml: String, bash: String) {
    if let last = lastTopology.withLock({ $0 }), last.guest == guest, last.guests == guests { return last.texts }
    let texts = (topologyYAML(guest: guest, guests: guests), topologyBash(guest: guest, guests: guests))
    lastTopology.withLock { $0 = (guest, guests, texts) }
    return texts
  }

  private static let lastTopology = Mutex<(guest: String, guests: [TopologyGuest], texts: (String, String))?>(nil)

  /// `tmt-test-topology.yaml` as tmt 1.78 writes it (keys sorted at every level, lists in guest order): `guest`
  /// (this one), `guest-names`, `guests`, `role-names`, `roles`.
  static func topologyYAML(guest: String, guests: [TopologyGuest]) -> String {
    func node(_ guest: TopologyGuest) -> YAMLTree {
      .mapping([
        YAMLEntry("hostname", .optional(guest.hostname)), YAMLEntry("name", .string(guest.name)),
        YAMLEntry("role", .optional(guest.role)),
      ])
    }
    let current = guests.first { $0.name == guest } ?? TopologyGuest(name: guest)
    let roles = roleMembers(guests)
    return YAMLEmitter.emit(
      .mapping([
        YAMLEntry("guest", node(current)), YAMLEntry("guest-names", YAMLTree.strings(guests.map(\.name))),
        YAMLEntry("guests", .mapping(guests.sorted { $0.name < $1.name }.map { YAMLEntry($0.name, node($0)) })),
        YAMLEntry("role-names", YAMLTree.strings(roles.map(\.role))),
        YAMLEntry(
          "roles", .mapping(roles.sorted { $0.role < $1.role }.map { YAMLEntry($0.role, YAMLTree.strings($0.names)) })),
      ]))
  }

  /// `tmt-test-topology.sh` as tmt 1.78's `Topology.save_bash` writes it (lines joined by newlines, no final one).
  static func topologyBash(guest: String, guests: [TopologyGuest]) -> String {
    func lines(_ guest: TopologyGuest, _ variable: String, _ key: String = "") -> [String] {
      [
        "\(variable)[\(key)name]=\"\(guest.name)\"", "\(variable)[\(key)role]=\"\(guest.role ?? "")\"",
        "\(variable)[\(key)hostname]=\"\(guest.hostname ?? "")\"",
      ]
    }
    let current = guests.first { $0.name == guest } ?? TopologyGuest(name: guest)
    let roles = roleMembers(guests)
    var text = ["declare -A TMT_GUEST"] + lines(current, "TMT_GUEST") + [""]
    text += ["TMT_GUEST_NAMES=\"\(guests.map(\.name).joined(separator: " "))\"", "", "declare -A TMT_GUESTS"]
    for entry in guests { text += lines(entry, "TMT_GUESTS", entry.name + ".") }
    text += ["", "TMT_ROLE_NAMES=\"\(roles.map(\.role).joined(separator: " "))\"", "", "declare -A TMT_ROLES"]
    text += roles.map { "TMT_ROLES[\($0.role)]=\"\($0.names.joined(separator: " "))\"" }
    return text.joined(separator: "\n")
  }

  /// Roles in order of first appearance, each with its guests' names.
  static func roleMembers(_ guests: [TopologyGuest]) -> [(role: String, names: [String])] {
    var roles: [(role: String, names: [String])] = []
    for guest in guests {
      guard let role = guest.role else { continue }
      if let index = roles.firstIndex(where: { $0.role == role }) {
        roles[index].names.append(guest.name)
      } else {
        roles.append((role, [guest.name]))
      }
    }
    return roles
  }
}
