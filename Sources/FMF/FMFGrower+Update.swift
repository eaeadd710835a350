import HPCBasics
import YAML

extension FMFGrower {
  /// fmf's `update(data)`: the `/` directive first, then `/child` keys and plain keys in order.
  func update(_ node: FMFRawNode, _ data: YAMLNode?) throws(Diagnostic) {
    node.updated = true
    guard let data, data.value != .null else { return }
    guard case .mapping(let pairs) = data.value else {
      throw Diagnostic.error(
        "The data of '\(node.name)' must be a mapping, got '\(PythonValue.typeName(data.value))'.",
        at: data.location, keyPath: node.name)
    }
    if let directive = pairs.first(where: { $0.key.value == .string("/") }) {
      try processDirectives(node, directive.value)
    }
    for pair in pairs {
      switch pair.key.value {
      case .string("/"): continue
      case .string(let key) where key.hasPrefix("/"): try childKey(node, key, pair)
      case .string(let key): node.setOwn(key, pair)
      case .null: throw Diagnostic.error("Invalid key 'None'.", at: pair.key.location, keyPath: node.name)
      default:
        throw Diagnostic.error(
          "Invalid key \(PythonValue.repr(pair.key.value)) in '\(node.name)': top-level keys must be strings.",
          at: pair.key.location, keyPath: node.name)
      }
    }
  }

  /// `/a/b/c: value` → child `a` updated with `{/b/c: value}`.
  private func childKey(_ node: FMFRawNode, _ key: String, _ pair: YAMLPair) throws(Diagnostic) {
    let name = String(key.drop { $0 == "/" })
    if let slash = name.firstIndex(of: "/"), slash != name.startIndex {
      let first = String(name[..<slash])
      let rest = YAMLNode(.string(String(name[slash...])), at: pair.key.location)
      let nested = YAMLNode(.mapping([YAMLPair(key: rest, value: pair.value)]), at: pair.value.location)
      try child(node, first, .data(nested), source: nil)
    } else {
      try child(node, name, try source(pair.value, childName: node.childPath(name)), source: nil)
    }
  }

  /// What fmf does with a child's value: a mapping or null updates it, a string is grown as a directory path
  /// (relative to the working directory); anything else made fmf crash, so it is an error here.
  func source(_ value: YAMLNode?, childName: String) throws(Diagnostic) -> Source {
    guard let value else { return .data(nil) }
    switch value.value {
    case .null, .mapping: return .data(value)
    case .string(let path) where readsDirectories: return .directory(path)
    case .string(let path):
      throw Diagnostic.error(
        "The data of '\(childName)' is a directory path ('\(path)'), which a tree given in memory cannot grow.",
        at: value.location, keyPath: childName)
    default:
      throw Diagnostic.error(
        "The data of '\(childName)' must be a mapping, null or a directory path, "
          + "got '\(PythonValue.typeName(value.value))' (fmf crashes here).",
        at: value.location, keyPath: childName)
    }
  }

  /// The `/` directive: a mapping with only `inherit: bool` and `select: bool`.
  private func processDirectives(_ node: FMFRawNode, _ value: YAMLNode) throws(Diagnostic) {
    func check(_ value: YAMLNode, _ type: String, _ name: String?) throws(Diagnostic) {
      let actual = PythonValue.typeName(value.value)
      guard actual != type else { return }
      let label = name.map { " '\($0)'" } ?? ""
      throw Diagnostic.error(
        "Invalid fmf directive\(label) in '\(node.name)': Should be a '\(type)', got a '\(actual)' instead.",
        at: value.location, keyPath: node.name)
    }
    try check(value, "dict", nil)
    guard case .mapping(let pairs) = value.value else { return }
    var inherit = node.inherit
    var select = node.select
    for pair in pairs {
      switch pair.key.value {
      case .string("inherit"):
        try check(pair.value, "bool", "inherit")
        if case .bool(let flag) = pair.value.value { inherit = flag }
      case .string("select"):
        try check(pair.value, "bool", "select")
        if case .bool(let flag) = pair.value.value { select = flag }
      default:
        throw Diagnostic.error(
          "Unknown fmf directive '\(PythonValue.str(pair.key.value))' in '\(node.name)'.", at: pair.key.location,
          keyPath: node.name)
      }
    }
    node.inherit = inherit
    node.select = select
  }
}
