public import YAML

extension TMTTest {
  /// The item of `tmt tests export`, keys in tmt's order (`sources` absolute, as tmt prints them).
  public var exported: YAMLNode {
    var pairs = TMTCoreExport.pairs(
      name: name, summary: summary, description: description, author: author, contact: contact, enabled: enabled,
      order: order, link: link, id: idNode, tag: tag, tier: tier)
    pairs.append(("component", .strings(component)))
    pairs.append(("test", .text(test)))
    pairs.append(("path", .optional(path)))
    pairs.append(("framework", .optional(framework)))
    pairs.append(("manual", manual))
    pairs.append(("tty", tty))
    pairs.append(("require", .list(require)))
    pairs.append(("recommend", .list(recommend)))
    let environmentNode: YAMLNode = .map(environment.map { ($0.0, YAMLNode.text($0.1)) })
    pairs.append(("environment", environmentNode))
    pairs.append(("duration", duration ?? .none))
    pairs.append(("result", .text(result)))
    pairs.append(("where", `where` ?? .none))
    pairs.append(("check", .list(check)))
    pairs.append(("restart-on-exit-code", .list(restartOnExitCode.map { YAMLNode(.int($0)) })))
    pairs.append(("restart-max-count", restartMaxCount ?? .none))
    pairs.append(("restart-with-reboot", restartWithReboot))
    pairs.append(("sources", .strings(sources)))
    return .map(pairs)
  }
}

extension TMTPlan {
  /// The item of `tmt plans export`, keys in tmt's order.
  public var exported: YAMLNode {
    var pairs = TMTCoreExport.pairs(
      name: name, summary: summary, description: description, author: author, contact: contact, enabled: enabled,
      order: order, link: link, id: idNode, tag: tag, tier: tier)
    let contextNode: YAMLNode = .map(context.map { ($0.0, YAMLNode.strings($0.1)) })
    pairs.append(("context", contextNode))
    pairs.append(("gate", gateExport))
    pairs.append(("login", .none))
    pairs.append(("ansible", ansible))
    pairs.append(("sources", .strings(sources)))
    pairs += exportedExtras
    // tmt's `Plan._export` keeps a step only when its export is truthy: `prepare: []` drops the key.
    for step in TMTStep.allCases where !phases(step).isEmpty {
      pairs.append((step.rawValue, .list(phases(step).map { .map($0.data) })))
    }
    return .map(pairs)
  }
}

extension YAMLNode {
  /// A sequence of strings.
  package static func strings(_ values: [String]) -> YAMLNode { .list(values.map(YAMLNode.text)) }
}

/// The core (L0) keys that `tests export` and `plans export` both start with, in tmt's order.
enum TMTCoreExport {
  static func pairs(
    name: String, summary: YAMLNode?, description: YAMLNode?, author: [String], contact: [String],
    enabled: YAMLNode, order: Int, link: [YAMLNode], id: YAMLNode?, tag: [String], tier: String?
  ) -> [(String, YAMLNode)] {
    [
      ("name", .text(name)), ("summary", summary ?? .none), ("description", description ?? .none),
      ("author", .strings(author)), ("contact", .strings(contact)), ("enabled", enabled),
      ("order", YAMLNode(.int(order))), ("link", .list(link)), ("id", id ?? .none), ("tag", .strings(tag)),
      ("tier", .optional(tier)),
    ]
  }
}
