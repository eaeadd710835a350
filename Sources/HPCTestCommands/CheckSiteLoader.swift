import Checks
import HPCBasics

/// Finds and reads the site file for `hpctest check` and `hpctest lint`.
enum SiteLoader {
  /// The site file asked for: `--site FILE`, else `$HPCTEST_SITE` (set by `hpctest run --site`); nil for the
  /// default.
  static func explicitPath(option: String?, environment: [String: String]) -> String? {
    if let option { return option }
    if let path = environment["HPCTEST_SITE"], !path.isEmpty { return path }
    return nil
  }

  /// The site file to read: `explicit`, else the default under `root` when it exists.
  static func path(explicit: String?, root: SystemRoot) -> String? {
    if let explicit { return explicit }
    let path = root.resolve(SiteFile.defaultPath)
    return FileSystem.readText(path) == nil ? nil : path
  }

  /// The expectations of the site file for `hostname`: `explicit` (must exist) or the default (when present).
  static func expectations(explicit: String?, root: SystemRoot, hostname: String) throws -> [String: String] {
    guard let path = path(explicit: explicit, root: root) else { return [:] }
    do {
      return try SiteFile.read(path, hostname: hostname)
    } catch {
      throw SiteFileError(error.description)
    }
  }
}

/// A site file that cannot be read or is malformed, or an unknown or mistyped expectation; printed as is
/// (compiler-style diagnostics).
struct SiteFileError: Error, CustomStringConvertible {
  /// The diagnostics, one per line.
  var description: String

  init(_ description: String) { self.description = description }
}
