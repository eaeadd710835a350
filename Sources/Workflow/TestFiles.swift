import Reporting
import TMTModel

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

  static func topologyYAML(guest: String) -> String {
    let node = YAMLTree.mapping([
      YAMLEntry("hostname", .null), YAMLEntry("name", .string(guest)), YAMLEntry("role", .null),
    ])
    return YAMLEmitter.emit(
      .mapping([
        YAMLEntry("guest", node), YAMLEntry("guest-names", YAMLTree.strings([guest])),
        YAMLEntry("guests", .mapping([YAMLEntry(guest, node)])), YAMLEntry("role-names", .sequence([])),
        YAMLEntry("roles", .mapping([])),
      ]))
  }

  static func topologyBash(guest: String) -> String {
    """
    declare -A TMT_GUEST
    TMT_GUEST[name]="\(guest)"
    TMT_GUEST[role]=""
    TMT_GUEST[hostname]=""
    TMT_GUEST_NAMES="\(guest)"
    declare -A TMT_GUESTS
    TMT_GUESTS[\(guest).name]="\(guest)"
    TMT_GUESTS[\(guest).role]=""
    TMT_GUESTS[\(guest).hostname]=""
    TMT_ROLE_NAMES=""
    declare -A TMT_ROLES

    """
  }
}
