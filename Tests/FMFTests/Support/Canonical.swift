import FMF
import YAML

/// The reference dump's `canon()` (dump_reference.py): YAML values as JSON with conformance tags.
enum Canonical {
  static func json(_ value: YAMLValue) -> JSON {
    switch value {
    case .null: return .null
    case .bool(let flag): return .bool(flag)
    case .int(let number): return .int(number)
    case .float(let number):
      if number.isNaN { return .object(["!!float": .string(".nan")]) }
      if number.isInfinite { return .object(["!!float": .string(number > 0 ? ".inf" : "-.inf")]) }
      return .float(number)
    case .string(let text): return .string(text)
    case .timestamp(let text): return .object(["!!timestamp": .string(text)])
    case .binary(let bytes): return .object(["!!binary": .string(base64(bytes))])
    case .set(let items):
      let sorted = items.map { json($0.value) }.sorted { $0.description.utf8.lexicographicallyPrecedes($1.description.utf8) }
      return .object(["!!set": .array(sorted)])
    case .sequence(let items): return .array(items.map { json($0.value) })
    case .mapping(let pairs):
      var members: [String: JSON] = [:]
      for pair in pairs { members[key(pair.key.value)] = json(pair.value.value) }
      return .object(members)
    }
  }

  /// `key_to_str`: tags for non-string mapping keys.
  static func key(_ value: YAMLValue) -> String {
    switch value {
    case .string(let text): return text
    case .bool(let flag): return "!!bool " + (flag ? "true" : "false")
    case .null: return "!!null"
    case .int(let number): return "!!int \(number)"
    case .float(let number): return "!!float " + floatRepr(number)
    case .timestamp(let text): return "!!timestamp " + text
    default: return "!!" + String(describing: value)
    }
  }

  static func floatRepr(_ number: Double) -> String {
    if number.isNaN { return "nan" }
    if number.isInfinite { return number > 0 ? "inf" : "-inf" }
    var text = String(number)
    if !text.contains(".") && !text.contains("e") { text += ".0" }
    return text
  }

  static func base64(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    var out = ""
    var index = 0
    while index < bytes.count {
      let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
      let value = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
      for position in 0..<4 {
        out.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 63] : "=")
      }
      index += 3
    }
    return out
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
