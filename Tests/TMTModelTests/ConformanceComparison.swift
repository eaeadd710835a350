import FMF
import HPCBasics
import TMTModel
import YAML

/// hpctest's `tmt` section for one tree, compared with the reference's section by section.
struct ConformanceComparison {
  /// Sections that differ: `tests`, `plans`, `errors`, `hardware`, with a short detail each.
  var mismatches: [(section: String, detail: String)] = []

  /// Compares the catalog built from a tree against the expected `tmt` section.
  init(catalog: TMTCatalog, expected: YAMLNode) {
    let root = catalog.tree.root
    var errors = Set(catalog.failures.map { "\($0.name) \($0.kind)" })
    var tests: [YAMLNode] = []
    for test in catalog.tests {
      if (try? TMTJSON.render(test.exported)) == nil {
        errors.insert("\(test.name) test-export")
      } else {
        tests.append(Canon.canonical(relativeSources(test.exported, root: root), root: root))
      }
    }
    var plans: [YAMLNode] = []
    var hardware: [YAMLNode] = []
    for plan in catalog.plans {
      if (try? TMTJSON.render(plan.exported)) == nil {
        errors.insert("\(plan.name) plan-export")
        continue
      }
      plans.append(Canon.canonical(relativeSources(plan.exported, root: root), root: root))
      for phase in plan.phases(.provision) {
        if let entry = HardwareRequirement.conformanceEntry(plan: plan.name, phase: .map(phase.data)) {
          hardware.append(Canon.canonical(withoutErrorText(entry), root: root))
        }
      }
    }
    compare("tests", tests, (expected["tests"]?.sequenceValue ?? []).map { Canon.canonical($0, root: root) })
    compare("plans", plans, (expected["plans"]?.sequenceValue ?? []).map { Canon.canonical($0, root: root) })
    let expectedHardware = (expected["hardware"]?.sequenceValue ?? []).map {
      Canon.canonical(withoutErrorText($0), root: root)
    }
    compare("hardware", hardware, expectedHardware)
    let expectedErrors = Set(
      (expected["errors"]?.sequenceValue ?? []).map {
        "\($0["name"]?.stringValue ?? "?") \($0["kind"]?.stringValue ?? "?")"
      })
    if errors != expectedErrors {
      mismatches.append(("errors", "hpctest \(errors.sorted()) vs tmt \(expectedErrors.sorted())"))
    }
  }

  private mutating func compare(_ section: String, _ actual: [YAMLNode], _ expected: [YAMLNode]) {
    guard actual != expected else { return }
    let names = { (items: [YAMLNode]) in items.map { $0["name"]?.stringValue ?? $0["plan"]?.stringValue ?? "?" } }
    if names(actual) != names(expected) {
      mismatches.append((section, "names \(names(actual)) vs \(names(expected))"))
      return
    }
    for (mine, theirs) in zip(actual, expected) where mine != theirs {
      let keys = (theirs.pairs ?? []).filter { key, value in mine[key] != value }.map(\.0)
      let detail = keys.map { "\($0): \(json(mine[$0] ?? .none)) vs \(json(theirs[$0] ?? .none))" }
      mismatches.append((section, "\(names([mine])[0]) " + detail.joined(separator: "; ")))
    }
  }

  private func relativeSources(_ node: YAMLNode, root: String) -> YAMLNode {
    guard var pairs = node.pairs, let index = pairs.firstIndex(where: { $0.0 == "sources" }) else { return node }
    let sources = (pairs[index].1.sequenceValue ?? []).compactMap(\.stringValue).map { source in
      source.hasPrefix(root + "/") ? String(source.dropFirst(root.count + 1)) : source
    }
    pairs[index].1 = .strings(sources)
    return .map(pairs)
  }

  /// A hardware entry with `error` reduced to its presence (messages are Python-specific).
  private func withoutErrorText(_ node: YAMLNode) -> YAMLNode {
    guard let pairs = node.pairs else { return node }
    return .map(pairs.map { $0.0 == "error" ? ($0.0, .text("error")) : $0 })
  }
}

extension YAMLNode {
  fileprivate static func strings(_ values: [String]) -> YAMLNode {
    YAMLNode(.sequence(values.map { YAMLNode(.string($0)) }))
  }
  fileprivate static func text(_ value: String) -> YAMLNode { YAMLNode(.string(value)) }
  fileprivate static func map(_ pairs: [(String, YAMLNode)]) -> YAMLNode {
    YAMLNode(.mapping(pairs.map { YAMLPair(key: YAMLNode(.string($0.0)), value: $0.1) }))
  }
  fileprivate static var none: YAMLNode { YAMLNode(.null) }
  fileprivate var pairs: [(String, YAMLNode)]? {
    if case .mapping(let pairs) = value {
      return pairs.compactMap { pair in
        if case .string(let key) = pair.key.value { return (key, pair.value) }
        return nil
      }
    }
    return nil
  }
}
