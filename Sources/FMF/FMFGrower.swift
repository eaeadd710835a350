import HPCBasics
import YAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// fmf's `grow`/`update`/`child`: walks directories and files into raw nodes.
final class FMFGrower {
  /// What a `child()` call grows from: parsed data (a mapping or null) or a directory path.
  enum Source {
    case data(YAMLNode?)
    case directory(String)
  }

  /// The tree root (absolute, normalized).
  let root: String
  /// Relative directory paths (string `/child` values) are resolved against this, as fmf uses the process cwd.
  let workingDirectory: String
  private let config: FMFConfig
  /// False for a tree given in memory: a string `/child` value (a directory to grow) is then an error.
  let readsDirectories: Bool
  /// Real paths of symlinked directories already entered (fmf's `_symlinkdirs`, tree-wide).
  private var symlinkDirs: Set<String> = []
  /// Listings and parsed files read ahead (`prefetch`), taken as the walk reaches them.
  var prefetched = FMFPrefetch()
  /// Whether a `/child` string named a directory to grow (growing side by side then gives up).
  private(set) var grewDirectoryString = false
  static let ignored: Set<String> = ["/dev", "/proc", "/sys"]

  /// Creates a grower for the tree at `root`.
  init(root: String, workingDirectory: String, config: FMFConfig, readsDirectories: Bool = true) {
    self.root = root
    self.workingDirectory = workingDirectory
    self.config = config
    self.readsDirectories = readsDirectories
  }

  /// `grow(path)`: `main.fmf` first, other `*.fmf` files as children, then sub-directories; finally drops
  /// children without data.
  func grow(_ node: FMFRawNode, _ path: String) throws(Diagnostic) {
    guard let directory = directoryToGrow(path) else { return }
    guard let entries = prefetched.takeListing(directory) ?? FMFDirectory.entries(directory) else {
      let reason = errno
      if reason == ENOENT || reason == ENOTDIR { return }
      // fmf 1.7 skips such a directory silently (os.walk ignores errors): here it is an error, not a lost subtree.
      throw Diagnostic.error(
        "Failed to read directory '\(directory)': \(String(cString: strerror(reason)))",
        at: SourceLocation(file: display(directory)))
    }
    try grow(node, directory: directory, entries: entries)
  }

  /// The absolute directory `grow(_:_:)` reads for `path`, nil for an empty or ignored path.
  func directoryToGrow(_ path: String) -> String? {
    let trimmed = path == "/" ? path : path.rstripping("/")
    guard !trimmed.isEmpty, !Self.ignored.contains(trimmed) else { return nil }
    return FMFPath.absolute(trimmed, from: workingDirectory)
  }

  /// `grow` of the absolute, normalized `directory` whose entries are already read.
  private func grow(_ node: FMFRawNode, directory: String, entries: FMFDirectory.Entries) throws(Diagnostic) {
    try growFiles(node, directory: directory, entries: entries)
    for name in entries.directories.sorted(by: FMFPath.pythonLess) {
      if try isHidden(name) { continue }
      try growDirectory(node, directory: directory, name: name, maybeLink: entries.maybeLinks.contains(name))
    }
    node.pruneEmptyChildren()
  }

  /// The first part of `grow`: the directory's `*.fmf` files, `main.fmf` first, into `node` and its children.
  func growFiles(_ node: FMFRawNode, directory: String, entries: FMFDirectory.Entries) throws(Diagnostic) {
    var files = entries.files.filter { $0.hasScalarSuffix(".fmf") }
    files.sort(by: FMFPath.pythonLess)
    if let main = files.firstIndex(of: "main.fmf") { files.insert(files.remove(at: main), at: 0) }
    for file in files {
      if try isHidden(file) { continue }
      try growFile(node, directory: directory, file: file)
    }
  }

  func isHidden(_ name: String) throws(Diagnostic) -> Bool {
    guard name.hasPrefix(".") else { return false }
    return try !config.exploreInclude().contains(name)
  }

  private func growFile(_ node: FMFRawNode, directory: String, file: String) throws(Diagnostic) {
    let fullPath = (directory == "/" ? "" : directory) + "/" + file  // `directory` is absolute and normalized
    let data: YAMLNode?
    if let result = prefetched.takeParsed(fullPath) {
      data = try result.get()
    } else {
      data = try FMFYAMLFile.parse(fullPath, display: display(fullPath))
    }
    if file == "main.fmf" {
      node.ownSources.append(fullPath)
      try update(node, data)
    } else {
      let name = FMFPath.stem(file)
      try child(node, name, try source(data, childName: node.childPath(name)), source: fullPath)
    }
  }

  /// A sub-directory: skipped when it is a symlink to a directory already entered or holds its own tree
  /// (`.fmf`), else grown as a child. Its entries are read once (they answer the `.fmf` question too); a directory
  /// that cannot be read takes fmf's path (`.fmf` checked by `stat`, then `grow` reports or skips it).
  private func growDirectory(_ node: FMFRawNode, directory: String, name: String, maybeLink: Bool)
    throws(Diagnostic)
  {
    let fullDirectory = (directory == "/" ? "" : directory) + "/" + name
    if maybeLink, FileSystem.kind(fullDirectory, follow: false) == .symlink {
      let real = FileSystem.realPath(fullDirectory) ?? fullDirectory
      if symlinkDirs.contains(real) { return }
      symlinkDirs.insert(real)
    }
    guard !Self.ignored.contains(fullDirectory),
      let entries = prefetched.takeListing(fullDirectory) ?? FMFDirectory.entries(fullDirectory)
    else {
      if FileSystem.isDirectory(fullDirectory + "/.fmf") { return }
      try child(node, name, .directory(fullDirectory), source: nil)
      return
    }
    if entries.directories.contains(".fmf") { return }
    let target = node.child(named: name) ?? node.addChild(named: name)
    try grow(target, directory: fullDirectory, entries: entries)
  }

  /// `path` relative to the root when below it, for locations.
  func display(_ path: String) -> String { Self.display(path, root: root) }

  /// `path` relative to `root` when below it.
  static func display(_ path: String, root: String) -> String {
    let prefix = root.hasSuffix("/") ? root : root + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }

  /// Reads ahead, on all CPUs, what `grow(_:_:)` of `path` will read (`FMFWalkAhead`); a directory that cannot
  /// be listed is left for `grow` to report.
  func prefetch(_ path: String) {
    guard let directory = directoryToGrow(path), let entries = FMFDirectory.entries(directory) else { return }
    prefetched = FMFPrefetch(FMFWalkAhead(root: root, config: config).walk(directory, entries))
  }

  /// `child(name, data, source)`: updates or grows the child, creating it when new.
  func child(_ node: FMFRawNode, _ name: String, _ source: Source, source file: String?) throws(Diagnostic) {
    let target = node.child(named: name) ?? node.addChild(named: name)
    switch source {
    case .data(let data): try update(target, data)
    case .directory(let path):
      grewDirectoryString = true
      try grow(target, path)
    }
    if let file { target.ownSources.append(file) }
  }
}
