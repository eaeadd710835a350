import HPCBasics
import YAML

extension SiteFile {
  /// The default site file, under the system root (so a fixture root can carry its own).
  package static let defaultPath = "/etc/hpctest/site.yaml"

  /// Reads, parses and validates the site file at `path` and returns the expectations for `hostname` (every
  /// section is validated, matching or not); an empty file has none.
  package static func read(_ path: String, hostname: String) throws(DiagnosticList) -> [String: String] {
    guard let text = FileSystem.readText(path) else {
      throw DiagnosticList([.error("cannot read the site file", at: SourceLocation(file: path))])
    }
    let node: YAMLNode?
    do { node = try YAMLParser.parse(text, file: path) } catch { throw DiagnosticList([error]) }
    guard let node else { return [:] }
    return try expectations(node, hostname: hostname, file: path)
  }

  /// The diagnostics of the site file at `path` (none when it is valid).
  package static func lint(_ path: String) -> [Diagnostic] {
    do {
      _ = try read(path, hostname: "")
      return []
    } catch { return error.diagnostics }
  }
}
