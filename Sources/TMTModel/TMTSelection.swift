public import FMF
public import HPCBasics
public import YAML

/// Which tests or plans a command works on, as tmt selects them: name regexes (searched in node names; `.`
/// and existing paths such as `plans/gpu`, `plans/gpu.fmf`, `/plans/gpu` select that part of the tree),
/// `--filter` expressions (fmf's filter syntax, regex values), `--exclude` regexes and `--enabled`.
public struct TMTSelection: Sendable {
  /// Name patterns (any may match); empty selects everything.
  public var names: [String]
  /// `--filter` expressions (all must match).
  public var filters: [String]
  /// `--exclude` regexes (none may match).
  public var excludes: [String]
  /// `--enabled`: only items whose `enabled` is true.
  public var enabledOnly: Bool

  /// Creates a selection.
  public init(names: [String] = [], filters: [String] = [], excludes: [String] = [], enabledOnly: Bool = false) {
    self.names = names
    self.filters = filters
    self.excludes = excludes
    self.enabledOnly = enabledOnly
  }

  /// The items of `items` selected, in order. `metadata` gives each item's exported mapping.
  public func select<T>(_ items: [T], tree: FMFTree, cwd: String, name: (T) -> String, metadata: (T) -> YAMLNode)
    throws(Diagnostic) -> [T]
  {
    // Nothing to select by: the same array (its storage shared, no item copied).
    if names.isEmpty && excludes.isEmpty && filters.isEmpty && !enabledOnly { return items }
    let patterns = try names.map { (raw) throws(Diagnostic) -> NamePattern in
      try NamePattern(raw, tree: tree, cwd: cwd)
    }
    let excluded = try excludes.map { (raw) throws(Diagnostic) -> Regex<AnyRegexOutput> in try Self.regex(raw) }
    var result: [T] = []
    for item in items {
      let itemName = name(item)
      if !patterns.isEmpty && !patterns.contains(where: { $0.matches(itemName) }) { continue }
      if excluded.contains(where: { itemName.contains($0) }) { continue }
      if !enabledOnly && filters.isEmpty {
        result.append(item)
        continue
      }
      let data = metadata(item)
      if enabledOnly && data[key: "enabled"]?.value != .bool(true) { continue }
      var keep = true
      for filter in filters where keep { keep = try TMTFilter.matches(filter, data: data) }
      if keep { result.append(item) }
    }
    return result
  }

  /// A Python-style regex compiled with Swift's engine; a located error when it does not compile.
  static func regex(_ pattern: String) throws(Diagnostic) -> Regex<AnyRegexOutput> {
    do { return try Regex(pattern) } catch {
      throw Diagnostic.error("Invalid regular expression '\(pattern)'.")
    }
  }
}

/// One positional name argument: a regex searched in names, or a tree path selecting a subtree.
struct NamePattern {
  private var prefix: String?
  private var regex: Regex<AnyRegexOutput>?

  init(_ raw: String, tree: FMFTree, cwd: String) throws(Diagnostic) {
    if let prefix = Self.treePath(raw, tree: tree, cwd: cwd) {
      self.prefix = prefix
    } else {
      regex = try TMTSelection.regex(raw)
    }
  }

  func matches(_ name: String) -> Bool {
    if let prefix { return prefix == "/" || name == prefix || name.hasPrefix(prefix + "/") }
    return regex.map { name.contains($0) } ?? false
  }

  /// `.`, a directory or an `.fmf` file (relative to `cwd`, or absolute under the root) → node name prefix.
  static func treePath(_ raw: String, tree: FMFTree, cwd: String) -> String? {
    let candidates = raw.hasPrefix("/") ? [raw, Path.join(tree.root, String(raw.dropFirst()))] : [Path.join(cwd, raw)]
    for candidate in candidates {
      guard let kind = FileSystem.kind(candidate), let real = FileSystem.realPath(candidate) else { continue }
      let root = FileSystem.realPath(tree.root) ?? tree.root
      guard real == root || real.hasPrefix(root + "/") else { continue }
      var relative = String(real.dropFirst(root.count))
      if kind == .file {
        guard relative.hasSuffix(".fmf") else { continue }
        relative = String(relative.dropLast(4))
        if Path.basename(relative) == "main" { relative = Path.dirname(relative) }
      }
      return relative.isEmpty ? "/" : relative
    }
    return nil
  }
}
