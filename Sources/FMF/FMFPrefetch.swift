import HPCBasics
import YAML

/// A tree's directory listings and metadata files, read ahead of `FMFGrower` and parsed side by side
/// (`FMFWalkAhead`): each file's read, UTF-8 check, libyaml parse and composition depends on no other file. The
/// grower, still one thread in fmf's order, takes each result where it would have parsed the file itself, so the
/// first error it meets is the same, with the same text. What the walk did not foresee (a `/child` string naming
/// a directory, a listing that failed) is read by the grower as before.
struct FMFPrefetch {
  /// Listings by absolute directory path (only directories that could be read).
  private var listings: [String: FMFDirectory.Entries] = [:]
  /// Parse results by absolute file path.
  private var parsed: [String: Result<YAMLNode?, Diagnostic>] = [:]

  /// Nothing read ahead.
  init() {}

  /// What a walk ahead found.
  init(_ found: FMFWalkAhead.Found) {
    listings = found.listings
    parsed = found.parsed
  }

  /// The listing of `directory` read ahead (each is taken once), else nil.
  mutating func takeListing(_ directory: String) -> FMFDirectory.Entries? {
    listings.removeValue(forKey: directory)
  }

  /// The parse result of `path` read ahead (each is taken once), else nil.
  mutating func takeParsed(_ path: String) -> Result<YAMLNode?, Diagnostic>? {
    parsed.removeValue(forKey: path)
  }
}
