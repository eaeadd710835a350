import FMF
import YAML

/// The reference dump's `canon()` (dump_reference.py): YAML values as JSON with conformance tags.
enum Canonical {
  static func json(_ value: YAMLValue) -> JSON {
    let text = JSONWriter(indent: nil).string(value)
    return (try? JSON.parse(Array(text.utf8))) ?? .string("unparsable JSONWriter output: " + text)
  }

  /// One node as the dump's `fmf.nodes` entry.
  static func node(_ node: FMFNode, root: String) -> JSON {
    var members: [String: JSON] = [
      "leaf": .bool(node.isLeaf),
      "sources": .array(node.sources.map { .string(relativePath($0, to: root)) }),
      "data": json(node.data.value),
    ]
    if let decisions = node.adjustDecisions {
      members["adjust"] = .array(decisions.map { $0.map(JSON.bool) ?? .null })
    }
    return .object(members)
  }

  /// `os.path.relpath`.
  static func relativePath(_ path: String, to root: String) -> String {
    let target = path.split(separator: "/")
    let base = root.split(separator: "/")
    var common = 0
    while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
    let parts = Array(repeating: "..", count: base.count - common) + target[common...].map(String.init)
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }
}
