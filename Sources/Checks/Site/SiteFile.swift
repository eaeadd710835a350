import HPCBasics
import YAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The site file (`/etc/hpctest/site.yaml`): expectations for every host (`defaults`) and per host pattern
/// (`hosts[].match`, glob patterns like NHC's host masks), later matching sections overriding earlier ones. Every
/// key and value is validated against `ExpectationKey.all`, in every section, matching the host or not.
///
/// ```yaml
/// defaults:
///   required-tools: [nvidia-smi]
/// hosts:
///   - match: ["gpu-a30-*", "nightly-*"]
///     expect: {gpus: 4, gpu-model: A30, numvfs: {mlx5_0: 8}}
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
      for pair in pairs where pair.key.value != .string("match") && pair.key.value != .string("expect") {
        problems.append(
          .error(
            "unknown key \(key(pair.key)) in a 'hosts' section; expected 'match' and 'expect'",
            at: pair.key.location))
      }
      let globs = patterns(match, &problems)
      var section: [String: String] = [:]
      merge(expect, into: &section, &problems)
      if globs.contains(where: { matches($0, hostname) }) { values.merge(section) { _, new in new } }
    }
  }

  /// Reads an `expect`/`defaults` mapping into `values`, validating every key and value against
  /// `ExpectationKey.all`.
  static func merge(_ node: YAMLNode, into values: inout [String: String], _ problems: inout [Diagnostic]) {
    guard case .mapping(let pairs) = node.value else {
      problems.append(.error("expectations must be a mapping of key: value", at: node.location))
      return
    }
    for pair in pairs {
      guard case .string(let name) = pair.key.value else {
        problems.append(.error("\(key(pair.key)) is not an expectation key", at: pair.key.location))
        continue
      }
      guard let expected = ExpectationKey.named(name) else {
        problems.append(.error(ExpectationKey.unknown(name), at: pair.key.location))
        continue
      }
      guard let text = valueText(pair.value, expected.type), expected.type.accepts(text) else {
        let shown = scalarText(pair.value).map { ", got '\($0)'" } ?? ""
        problems.append(.error("'\(name)' must be \(expected.type.rawValue)\(shown)", at: pair.value.location))
        continue
      }
      values[name] = text
    }
  }

  /// The text of a value: a scalar, a list joined with commas, or (for per-device counts and texts) a mapping as
  /// `device=value,...`.
  static func valueText(_ node: YAMLNode, _ type: ExpectationType) -> String? {
    guard type == .countMap || type == .textMap, case .mapping(let pairs) = node.value else {
      return scalarText(node)
    }
    let items = pairs.map { pair -> String? in
      guard case .string(let device) = pair.key.value else { return nil }
      if case .int(let count) = pair.value.value { return "\(device)=\(count)" }
      guard type == .textMap, let text = scalarText(pair.value), !text.contains(","), !text.isEmpty else { return nil }
      return "\(device)=\(text)"
    }
    guard !items.isEmpty, items.allSatisfy({ $0 != nil }) else { return nil }
    return items.compactMap { $0 }.joined(separator: ",")
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

  /// The host patterns of `match`: a string or a list of strings.
  static func patterns(_ node: YAMLNode, _ problems: inout [Diagnostic]) -> [String] {
    let items: [YAMLNode]
    if case .sequence(let list) = node.value { items = list } else { items = [node] }
    return items.compactMap { item in
      guard case .string(let text) = item.value, !text.isEmpty else {
        problems.append(.error("'match' takes host name patterns (strings)", at: item.location))
        return nil
      }
      return text
    }
  }

  /// True when `pattern` (a glob, a Slurm hostlist or `feature:NAME`, see `HostList`) matches the host.
  package static func matches(_ pattern: String, _ hostname: String) -> Bool { HostList.matches(pattern, hostname) }

  static func key(_ node: YAMLNode) -> String {
    if case .string(let text) = node.value { return "'\(text)'" }
    return "a non-string key"
  }
}
