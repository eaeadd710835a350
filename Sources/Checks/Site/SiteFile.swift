import HPCBasics
import YAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The site file (`/etc/hpctest/site.yaml`): expectations for every host (`defaults`) and per host pattern
/// (`hosts[].match`, glob patterns like NHC's host masks), later matching sections overriding earlier ones.
///
/// ```yaml
/// defaults:
///   required-tools: [nvidia-smi]
/// hosts:
///   - match: ["gpu-a30-*", "nightly-*"]
///     expect: {gpus: 4, gpu-model: A30, numvfs: 8}
/// ```
package enum SiteFile {
  /// The expectations that apply to `hostname`, or the diagnostics of a malformed file.
  package static func expectations(_ root: YAMLNode, hostname: String, file: String) throws(DiagnosticList)
    -> [String: String]
  {
    var problems: [Diagnostic] = []
    var values: [String: String] = [:]
    guard case .mapping(let pairs) = root.value else {
      throw DiagnosticList([.error("the site file must be a mapping", at: root.location ?? SourceLocation(file: file))])
    }
    for pair in pairs {
      switch pair.key.value {
      case .string("defaults"): merge(pair.value, into: &values, &problems)
      case .string("hosts"): hosts(pair.value, hostname: hostname, into: &values, &problems)
      default:
        problems.append(.error("unknown key \(key(pair.key)); expected 'defaults' or 'hosts'", at: pair.key.location))
      }
    }
    if !problems.isEmpty { throw DiagnosticList(problems) }
    return values
  }

  static func hosts(
    _ node: YAMLNode, hostname: String, into values: inout [String: String], _ problems: inout [Diagnostic]
  ) {
    guard case .sequence(let sections) = node.value else {
      problems.append(.error("'hosts' must be a list of {match, expect} sections", at: node.location))
      return
    }
    for section in sections {
      guard case .mapping(let pairs) = section.value,
        let match = pairs.first(where: { $0.key.value == .string("match") })?.value,
        let expect = pairs.first(where: { $0.key.value == .string("expect") })?.value
      else {
        problems.append(.error("a 'hosts' section needs 'match' and 'expect'", at: section.location))
        continue
      }
      if patterns(match).contains(where: { matches($0, hostname) }) { merge(expect, into: &values, &problems) }
    }
  }

  static func merge(_ node: YAMLNode, into values: inout [String: String], _ problems: inout [Diagnostic]) {
    guard case .mapping(let pairs) = node.value else {
      problems.append(.error("expectations must be a mapping of key: value", at: node.location))
      return
    }
    for pair in pairs {
      guard case .string(let name) = pair.key.value, let text = scalarText(pair.value) else {
        problems.append(.error("\(key(pair.key)) must be a scalar or a list of scalars", at: pair.value.location))
        continue
      }
      values[name] = text
    }
  }

  /// A scalar as text; a list of scalars joined with commas.
  static func scalarText(_ node: YAMLNode) -> String? {
    switch node.value {
    case .string(let text): return text
    case .int(let value): return String(value)
    case .float(let value): return String(value)
    case .bool(let value): return String(value)
    case .sequence(let items):
      let texts = items.compactMap(scalarText)
      return texts.count == items.count ? texts.joined(separator: ",") : nil
    default: return nil
    }
  }

  static func patterns(_ node: YAMLNode) -> [String] {
    if case .sequence(let items) = node.value { return items.compactMap(scalarText) }
    return scalarText(node).map { [$0] } ?? []
  }

  /// True when `pattern` (a glob, a Slurm hostlist or `feature:NAME`, see `HostList`) matches the host.
  package static func matches(_ pattern: String, _ hostname: String) -> Bool { HostList.matches(pattern, hostname) }

  static func key(_ node: YAMLNode) -> String {
    if case .string(let text) = node.value { return "'\(text)'" }
    return "a non-string key"
  }
}
