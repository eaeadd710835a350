public import TMTModel
internal import YAML

/// tmt's `results.yaml`: every key tmt 1.78 writes, sorted as tmt sorts them, with its `__class__` tags.
package enum ResultsYAML {
  /// The document for `results` (`[]` when empty).
  package static func render(_ results: [TestResult]) -> String {
    YAMLEmitter.emit(.sequence(results.map(tree)), shared: ContextAnchors.shared(results))
  }

  /// One result as the text of one list item (`- __class__: ...`), without anchors, in storage of its own size
  /// (a run keeps one per test: the emitter's 1 kB buffer each would add up); `document(entries:)` joins them.
  package static func entry(_ result: TestResult) -> String {
    String(decoding: Array(YAMLEmitter.emit(.sequence([tree(result)])).utf8), as: UTF8.self)
  }

  /// A document from items made by `entry(_:)`.
  package static func document(entries: [String]) -> String {
    entries.isEmpty ? "[]\n" : entries.joined()
  }

  /// One result as a tree.
  package static func tree(_ result: TestResult) -> YAMLTree {
    .mapping([
      tag("Result"),
      YAMLEntry("check", .sequence(result.check.map(tree))),
      YAMLEntry("context", .mapping(result.context.map { YAMLEntry($0.0, .strings($0.1)) })),
      YAMLEntry("data-path", .optional(result.dataPath)),
      YAMLEntry("duration", .optional(result.duration)),
      YAMLEntry("end-time", .optional(result.endTime)),
      YAMLEntry("fmf-id", .mapping(result.fmfID.map { YAMLEntry($0.0, .optional($0.1)) })),
      YAMLEntry("guest", tree(result.guest)),
      YAMLEntry("ids", .mapping(result.ids.sorted { $0.0 < $1.0 }.map { YAMLEntry($0.0, .optional($0.1)) })),
      YAMLEntry("log", .strings(result.log)),
      YAMLEntry("name", .string(result.name)),
      YAMLEntry("note", .strings(result.note)),
      YAMLEntry("original-result", .string(result.originalResult.rawValue)),
      YAMLEntry("result", .string(result.result.rawValue)),
      YAMLEntry("serial-number", .integer(result.serialNumber)),
      YAMLEntry("start-time", .optional(result.startTime)),
      YAMLEntry("subresult", .sequence(result.subresult.map(tree))),
      YAMLEntry("web-link", .optional(result.webLink)),
    ])
  }

  /// A sub-result as a tree.
  package static func tree(_ sub: SubResult) -> YAMLTree {
    .mapping([
      tag("SubResult"),
      YAMLEntry("check", .sequence(sub.check.map(tree))),
      YAMLEntry("duration", .optional(sub.duration)),
      YAMLEntry("end-time", .optional(sub.endTime)),
      YAMLEntry("log", .strings(sub.log)),
      YAMLEntry("name", .string(sub.name)),
      YAMLEntry("note", .strings(sub.note)),
      YAMLEntry("original-result", .string(sub.originalResult.rawValue)),
      YAMLEntry("result", .string(sub.result.rawValue)),
      YAMLEntry("start-time", .optional(sub.startTime)),
    ])
  }

  /// A check result as a tree.
  package static func tree(_ check: CheckResult) -> YAMLTree {
    .mapping([
      tag("CheckResult"),
      YAMLEntry("duration", .optional(check.duration)),
      YAMLEntry("end-time", .optional(check.endTime)),
      YAMLEntry("event", .string(check.event)),
      YAMLEntry("log", .strings(check.log)),
      YAMLEntry("name", .string(check.name)),
      YAMLEntry("note", .strings(check.note)),
      YAMLEntry("original-result", .string(check.originalResult.rawValue)),
      YAMLEntry("result", .string(check.result.rawValue)),
      YAMLEntry("start-time", .optional(check.startTime)),
    ])
  }

  private static func tree(_ guest: ResultGuest) -> YAMLTree {
    .mapping([
      tag("ResultGuestData"),
      YAMLEntry("name", .string(guest.name)),
      YAMLEntry("primary-address", .optional(guest.primaryAddress)),
      YAMLEntry("role", .optional(guest.role)),
    ])
  }

  private static func tag(_ name: String) -> YAMLEntry {
    YAMLEntry("__class__", .mapping([YAMLEntry("module", .string("tmt.result")), YAMLEntry("name", .string(name))]))
  }
}
