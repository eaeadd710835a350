public import HPCBasics
import YAML

/// Loads FMF trees as fmf 1.7 does (see README.md): walk, inheritance, merge suffixes, then `adjust`.
public enum FMFLoader {
  /// Finds the root at or above `path`, loads every node, and applies `adjust` rules under `context`
  /// (tmt's way: case-insensitive version comparisons, undecided rules skipped). A nil `context` skips adjust,
  /// as the `fmf` CLI does.
  public static func load(path: String, context: FMFContext?, caseSensitive: Bool = false) throws(Diagnostic)
    -> FMFTree
  {
    try load(path: path, context: context, caseSensitive: caseSensitive, workingDirectory: nil)
  }

  /// As `load(path:context:caseSensitive:)`, resolving relative paths (the start path and string `/child`
  /// values, which fmf grows as directories relative to the process cwd) against `workingDirectory`.
  public static func load(
    path: String, context: FMFContext?, caseSensitive: Bool = false, workingDirectory: String?
  ) throws(Diagnostic) -> FMFTree {
    try load(
      path: path, context: context, caseSensitive: caseSensitive, workingDirectory: workingDirectory, readAhead: true)
  }

  /// As `load(path:context:caseSensitive:workingDirectory:)`; `readAhead` false lists and parses each file only
  /// when the walk reaches it, on one thread (what growing side by side and the read-ahead are checked against).
  /// With `readAhead`, the tree is grown side by side (`FMFGrower+SideBySide.swift`); where that gives up, it is
  /// read ahead on all CPUs and grown on one thread.
  static func load(
    path: String, context: FMFContext?, caseSensitive: Bool, workingDirectory: String?, readAhead: Bool
  ) throws(Diagnostic) -> FMFTree {
    let cwd =
      workingDirectory.map { FMFPath.absolute($0, from: FileSystem.currentDirectory()) }
      ?? FileSystem.currentDirectory()
    let root = try FMFRoot.find(path, workingDirectory: cwd)
    let version = try FMFRoot.version(root: root)
    let config = try FMFConfig(root: root)
    if readAhead, let top = FMFGrower.growSideBySide(root: root, workingDirectory: cwd, config: config) {
      return try resolve(top, root: root, version: version, context: context, caseSensitive: caseSensitive)
    }
    let top = FMFRawNode(name: "/")
    let grower = FMFGrower(root: root, workingDirectory: cwd, config: config)
    if readAhead { grower.prefetch(root) }
    try grower.grow(top, root)
    return try resolve(top, root: root, version: version, context: context, caseSensitive: caseSensitive)
  }

  /// Inheritance, then `adjust` under `context` (when given), then the nodes in `climb` order (`FMFResolver`).
  static func resolve(
    _ top: FMFRawNode, root: String, version: Int, context: FMFContext?, caseSensitive: Bool
  ) throws(Diagnostic) -> FMFTree {
    let nodes = try FMFResolver(context: context, caseSensitive: caseSensitive).resolve(top)
    return FMFTree(root: root, version: version, nodes: nodes)
  }
}
