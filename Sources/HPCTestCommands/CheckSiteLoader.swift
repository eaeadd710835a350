import ArgumentParser
import Checks
import HPCBasics
import YAML

/// Finds, reads and parses the site file for `hpctest check`.
enum SiteLoader {
  /// The default site file, under the system root (so a fixture root can carry its own).
  static let defaultPath = "/etc/hpctest/site.yaml"

  /// The expectations of the site file for `hostname`: `explicit` (must exist) or the default (when present).
  static func expectations(explicit: String?, root: SystemRoot, hostname: String) throws -> [String: String] {
    let path = explicit ?? root.resolve(defaultPath)
    guard let text = FileSystem.readText(path) else {
      if explicit != nil { throw SiteFileError("error: cannot read the site file '\(path)'") }
      return [:]
    }
    guard let node = try parse(text, path) else { return [:] }
    do {
      return try SiteFile.expectations(node, hostname: hostname, file: path)
    } catch {
      throw SiteFileError(error.description)
    }
  }

  /// Parses YAML text into a node tree; errors name file:line:column.
  static func parse(_ text: String, _ file: String) throws -> YAMLNode? {
    do {
      return try YAMLParser.parse(text, file: file)
    } catch {
      throw SiteFileError(error.description)
    }
  }
}

/// A site file that cannot be read or is malformed; printed as is (compiler-style diagnostics).
struct SiteFileError: Error, CustomStringConvertible {
  /// The diagnostics, one per line.
  var description: String

  init(_ description: String) { self.description = description }
}
