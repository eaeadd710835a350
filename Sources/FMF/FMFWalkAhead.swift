import HPCBasics
import YAML

/// Walks a tree the way `FMFGrower.grow` will (hidden names, sub-trees with their own `.fmf`, `/dev`-like paths
/// and symlink loops skipped alike) and parses its `*.fmf` files, on up to one thread per CPU: the top levels are
/// listed first until there are enough sub-trees to share, then each sub-tree is walked and its files parsed on
/// whichever thread is free (`Parallel.map`). Only a read-ahead: the grower checks everything again as it goes.
struct FMFWalkAhead: Sendable {
  /// Listings by absolute directory path (only directories that could be read), and parse results by file path.
  struct Found: Sendable {
    var listings: [String: FMFDirectory.Entries] = [:]
    var parsed: [String: Result<YAMLNode?, Diagnostic>] = [:]
  }

  /// The tree root (locations name files relative to it).
  let root: String
  /// `explore.include`, for hidden names.
  let config: FMFConfig
  /// Sub-trees listed before the parallel part starts (a few per CPU, so that a big one does not hold up the end).
  private static let sharedSubtrees = 32

  /// Everything below `directory`, whose `entries` are read.
  func walk(_ directory: String, _ entries: FMFDirectory.Entries) -> Found {
    var found = Found()
    var files: [String] = []
    var linked: Set<String> = []
    var queue = [(directory, entries)]
    var next = 0
    found.listings[directory] = entries
    while next < queue.count, queue.count - next < Self.sharedSubtrees {
      let (path, listing) = queue[next]
      next += 1
      visit(path, listing, files: &files, linked: &linked, listings: &found.listings) { queue.append(($0, $1)) }
    }
    let subtrees = Array(queue[next...])
    let items = subtrees.count + files.count
    let (linkedSoFar, filesSoFar) = (linked, files)
    let parts = Parallel.map(Array(0..<items)) { item in
      item < subtrees.count
        ? walkSubtree(subtrees[item].0, subtrees[item].1, linked: linkedSoFar)
        : parse([filesSoFar[item - subtrees.count]])
    }
    for part in parts {
      found.listings.merge(part.listings) { first, _ in first }
      found.parsed.merge(part.parsed) { first, _ in first }
    }
    return found
  }

  /// A sub-tree walked depth-first on the calling thread, its files parsed.
  private func walkSubtree(_ directory: String, _ entries: FMFDirectory.Entries, linked: Set<String>) -> Found {
    var files: [String] = []
    var linked = linked
    var listings: [String: FMFDirectory.Entries] = [:]
    var stack = [(directory, entries)]
    while let (path, listing) = stack.popLast() {
      var children: [(String, FMFDirectory.Entries)] = []
      visit(path, listing, files: &files, linked: &linked, listings: &listings) { children.append(($0, $1)) }
      stack += children.reversed()
    }
    var found = parse(files)
    found.listings = listings
    return found
  }

  /// Notes the metadata files of `directory`, keeps the listing of each sub-directory (a sub-tree's too: the grower
  /// reads it to see the `.fmf`) and hands each one the grower would enter to `enter`.
  private func visit(
    _ directory: String, _ entries: FMFDirectory.Entries, files: inout [String], linked: inout Set<String>,
    listings: inout [String: FMFDirectory.Entries], into enter: (String, FMFDirectory.Entries) -> Void
  ) {
    let prefix = directory == "/" ? "/" : directory + "/"
    for file in entries.files where file.hasScalarSuffix(".fmf") && !hidden(file) { files.append(prefix + file) }
    for name in entries.directories.sorted(by: FMFPath.pythonLess) where !hidden(name) {
      let full = prefix + name
      if entries.maybeLinks.contains(name), FileSystem.kind(full, follow: false) == .symlink {
        guard linked.insert(FileSystem.realPath(full) ?? full).inserted else { continue }
      }
      guard !FMFGrower.ignored.contains(full), let listing = FMFDirectory.entries(full) else { continue }
      listings[full] = listing
      if !listing.directories.contains(".fmf") { enter(full, listing) }
    }
  }

  /// Each file parsed as `FMFGrower` would.
  private func parse(_ files: [String]) -> Found {
    var found = Found()
    for file in files {
      do throws(Diagnostic) {
        found.parsed[file] = .success(try FMFYAMLFile.parse(file, display: FMFGrower.display(file, root: root)))
      } catch {
        found.parsed[file] = .failure(error)
      }
    }
    return found
  }

  /// A hidden name not in `explore.include`, or one whose check fails (the grower reports the config error).
  private func hidden(_ name: String) -> Bool {
    guard name.hasPrefix(".") else { return false }
    do throws(Diagnostic) { return try !config.exploreInclude().contains(name) } catch { return true }
  }
}
