public import HPCBasics

/// Loads FMF trees as fmf 1.7 does (see README.md): walk, inheritance, merge suffixes, then `adjust`.
public enum FMFLoader {
  /// Finds the root at or above `path`, loads every node, and applies `adjust` rules under `context`
  /// (tmt's way: case-insensitive version comparisons, undecided rules skipped). A nil `context` skips adjust,
  /// as the `fmf` CLI does.
  public static func load(path: String, context: FMFContext?, caseSensitive: Bool = false) throws(Diagnostic)
    -> FMFTree
  {
    throw Diagnostic.error("FMF loading is not implemented yet", at: SourceLocation(file: path))
  }
}
