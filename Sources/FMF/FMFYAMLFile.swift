import HPCBasics
import YAML

/// Reads one metadata file as fmf does: strict UTF-8, one YAML document (nil when empty).
enum FMFYAMLFile {
  /// Parses the file at `path`; locations name it as `display`.
  static func parse(_ path: String, display: String) throws(Diagnostic) -> YAMLNode? {
    guard let bytes = FileSystem.readBytes(path) else {
      throw Diagnostic.error("Failed to read '\(path)'.", at: SourceLocation(file: display))
    }
    return try YAMLParser.parse(bytes, file: display)
  }
}
