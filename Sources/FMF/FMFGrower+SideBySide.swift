import HPCBasics

/// fmf's walk grown on all CPUs (`Parallel.expand`): each directory is one job that parses its `*.fmf` files into
/// its node exactly as `grow` does, reads its sub-directories and hands each one, with the node it grows into, to
/// whichever thread is free. A directory's job starts only after its parent's files are grown and its node made,
/// so every node gets its updates in fmf's order, and sibling directories write disjoint nodes. Children without
/// data are dropped once every job is done, deepest first (fmf drops them as each directory's `grow` ends).
///
/// What crosses between directories gives up: a symlinked directory (fmf enters each real directory once, in walk
/// order), a `/child` string naming a directory, a directory that cannot be read or is ignored, and any error.
/// The caller then grows the tree again on one thread (`FMFLoader`), so the nodes and the first error are fmf's.
extension FMFGrower {
  /// One directory to grow: its node (already made by the parent's job), path, entries and depth below the top.
  private struct Job {
    let node: FMFRawNode
    let directory: String
    let entries: FMFDirectory.Entries
    let depth: Int
  }

  /// One thread's grower and the nodes it grew.
  private struct Worker {
    let grower: FMFGrower
    var grown: [(node: FMFRawNode, depth: Int)] = []
  }

  /// The top node of the tree at `root` grown side by side, or nil when it must be grown on one thread.
  static func growSideBySide(root: String, workingDirectory: String, config: FMFConfig) -> FMFRawNode? {
    let first = FMFGrower(root: root, workingDirectory: workingDirectory, config: config)
    guard let directory = first.directoryToGrow(root), let entries = FMFDirectory.entries(directory) else {
      return nil
    }
    let top = FMFRawNode(name: "/")
    let gaveUp = OnceFlag()  // set by the first job that gives up; the others then stop early
    let workers = Parallel.expand(
      [Job(node: top, directory: directory, entries: entries, depth: 0)],
      state: { Worker(grower: FMFGrower(root: root, workingDirectory: workingDirectory, config: config)) }
    ) { job, worker, add in
      guard !gaveUp.isSet else { return }
      if grow(job, with: worker.grower, add: add) {
        worker.grown.append((job.node, job.depth))
      } else {
        gaveUp.set()
      }
    }
    guard !gaveUp.isSet else { return nil }
    for (node, _) in workers.flatMap(\.grown).sorted(by: { $0.depth > $1.depth }) { node.pruneEmptyChildren() }
    return top
  }

  /// `grow` of one directory without entering its sub-directories (each becomes a job); false to give up.
  private static func grow(_ job: Job, with grower: FMFGrower, add: (Job) -> Void) -> Bool {
    do throws(Diagnostic) {
      try grower.growFiles(job.node, directory: job.directory, entries: job.entries)
      guard !grower.grewDirectoryString else { return false }
      let prefix = job.directory == "/" ? "" : job.directory
      for name in job.entries.directories.sorted(by: FMFPath.pythonLess) {
        if try grower.isHidden(name) { continue }
        let full = prefix + "/" + name
        if job.entries.maybeLinks.contains(name), FileSystem.kind(full, follow: false) == .symlink { return false }
        guard !ignored.contains(full), let entries = FMFDirectory.entries(full) else { return false }
        if entries.directories.contains(".fmf") { continue }
        let target = job.node.child(named: name) ?? job.node.addChild(named: name)
        add(Job(node: target, directory: full, entries: entries, depth: job.depth + 1))
      }
      return true
    } catch {
      return false
    }
  }
}
