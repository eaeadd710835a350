import HPCBasics
import YAML

/// Reads one metadata file as fmf does: strict UTF-8, one YAML document (nil when empty).
enum FMFYAMLFile {
  /// Parses the file at `path`; locations name it as `display`.
  static func parse(_ path: String, display: String) throws(Diagnostic) -> YAMLNode? {
    guard let bytes = FileSystem.readBytes(path) else {
      throw Diagnostic.error("Failed to read '\(path)'.", at: SourceLocation(file: display))
    }
    guard String(validating: bytes, as: UTF8.self) != nil else {
      throw Diagnostic.error("Failed to parse '\(path)': the file is not valid UTF-8.", at: SourceLocation(file: display))
    }
    // Until the YAML module's parser lands on main.
    throw Diagnostic.error("YAML parsing is not available yet", at: SourceLocation(file: display))
  }
}
