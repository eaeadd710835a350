public import HPCBasics
public import YAML

extension HardwareRequirement {
  /// Parses a `hardware:` mapping exactly as tmt's `parse_hw_requirements` does: a block holding `and` (else
  /// `or`) is that operator only (sibling keys ignored); other blocks are requirement keys in sorted order,
  /// nested one level (`cpu.cores`), lists indexed (`disk[1].size`), single-child groups flattened.
  public static func parse(_ node: YAMLNode) throws(Diagnostic) -> HardwareRequirement {
    try block(node).flattened
  }

  private static func block(_ node: YAMLNode) throws(Diagnostic) -> HardwareRequirement {
    if let members = node[key: "and"] { return try group(members, and: true).flattened }
    if let members = node[key: "or"] { return try group(members, and: false).flattened }
    return try requirements(node).flattened
  }

  private static func group(_ node: YAMLNode, and: Bool) throws(Diagnostic) -> HardwareRequirement {
    guard let items = node.items else {
      throw Diagnostic.error(
        "'\(and ? "and" : "or")' must be a list of requirement blocks, got '\(node.pythonType)'.",
        at: node.location)
    }
    var children: [HardwareRequirement] = []
    for item in items { children.append(try block(item)) }
    return and ? .and(children) : .or(children)
  }

  /// A block of requirement keys (sorted), as tmt's `_parse_requirements`.
  private static func requirements(_ node: YAMLNode) throws(Diagnostic) -> HardwareRequirement {
    guard let entries = node.entries else {
      throw Diagnostic.error(
        "A hardware requirement block must be a mapping, got '\(node.pythonType)'.",
        at: node.location)
    }
    var children: [HardwareRequirement] = []
    for (name, value) in sortedPairs(entries) {
      if name == "hpctest", value.entries != nil {
        children += try extensions(value)
      } else if let nested = value.entries {
        for (child, _) in sortedPairs(nested) { children.append(try one("\(name).\(child)", in: value, child: child)) }
      } else if let peers = value.items {
        for (index, peer) in peers.enumerated() {
          guard let peerEntries = peer.entries else {
            throw Diagnostic.error("'\(peer.pythonType)' object has no attribute 'keys'", at: peer.location)
          }
          for (child, _) in sortedPairs(peerEntries) {
            children.append(try one("\(name).\(child)", in: peer, child: child, index: index))
          }
        }
      } else {
        children.append(try one(name, in: node, child: name))
      }
    }
    return .and(children)
  }

  /// `hpctest: {gpu: {count: ...}}` → `hpctest.gpu.count`.
  private static func extensions(_ node: YAMLNode) throws(Diagnostic) -> [HardwareRequirement] {
    var children: [HardwareRequirement] = []
    for (group, value) in sortedPairs(node.entries ?? []) {
      guard let nested = value.entries else {
        throw Diagnostic.error("Unknown hardware requirement 'hpctest.\(group)'.", at: value.location)
      }
      for (child, _) in sortedPairs(nested) {
        children.append(try one("hpctest.\(group).\(child)", in: value, child: child))
      }
    }
    return children
  }

  /// One requirement through its parser.
  private static func one(_ requirement: String, in spec: YAMLNode, child: String, index: Int? = nil)
    throws(Diagnostic) -> HardwareRequirement
  {
    let value = spec[key: child] ?? .none
    guard let key = HardwareKey.table[requirement] else {
      throw Diagnostic.error("Unknown hardware requirement '\(requirement)'.", at: value.location ?? spec.location)
    }
    if key.indexed && index == nil {
      throw Diagnostic.error("Cannot parse indexed constraint without peer constraint.", at: value.location)
    }
    let name = key.indexed ? requirement.replacingFirstDot(with: "[\(index!)].") : requirement
    switch key.special {
    case .none: return .constraint(try HardwareValueParser.constraint(name, PythonText.str(value), key: key, at: value))
    case .bootMethod:
      var constraint = try HardwareValueParser.constraint(name, PythonText.str(value), key: key, at: value)
      constraint.op = constraint.op == .equal ? .contains : .notContainsExclusive
      return .constraint(constraint)
    case .compatibleDistro, .cpuFlag:
      return try listed(name, value, key: key)
    }
  }

  /// `cpu.flag` / `compatible.distro`: one constraint per item, `==` → contains, `!=` → not contains.
  private static func listed(_ name: String, _ value: YAMLNode, key: HardwareKey) throws(Diagnostic)
    -> HardwareRequirement
  {
    let items: [YAMLNode] =
      value.isNull
      ? [] : value.items ?? (value.string.map { Array($0).map { YAMLNode(.string(String($0))) } } ?? [value])
    var children: [HardwareRequirement] = []
    for item in items {
      var constraint = try HardwareValueParser.constraint(name, PythonText.str(item), key: key, at: item)
      if key.special == .compatibleDistro || constraint.op == .equal {
        constraint.op = .contains
      } else if constraint.op == .notEqual {
        constraint.op = .notContains
      }
      children.append(.constraint(constraint))
    }
    return HardwareRequirement.and(children).flattened
  }

  /// Mapping entries with string keys, sorted by code point like Python's `sorted()`.
  private static func sortedPairs(_ entries: [YAMLPair]) -> [(String, YAMLNode)] {
    entries.map { (PythonText.str($0.key), $0.value) }.sorted {
      Array($0.0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.0.unicodeScalars.map(\.value))
    }
  }

  /// A group with one child replaced by that child (tmt's `_flatten`).
  var flattened: HardwareRequirement {
    switch self {
    case .and(let children) where children.count == 1, .or(let children) where children.count == 1: children[0]
    default: self
    }
  }
}

extension String {
  /// `disk.size` → `disk[0].size`.
  fileprivate func replacingFirstDot(with text: String) -> String {
    guard let dot = firstIndex(of: ".") else { return self }
    return String(self[..<dot]) + text + String(self[index(after: dot)...])
  }
}
