public import HPCBasics
public import YAML

// Temporary until the YAML module's parser lands on main: environment files in YAML format are reported as
// unsupported. Delete this file when merging main (the module's `YAMLParser` then takes over).
enum YAMLParser {
  static func parse(_ bytes: [UInt8], file: String) throws(Diagnostic) -> YAMLNode? {
    throw Diagnostic.error("YAML environment files need the YAML parser (not merged yet)", at: SourceLocation(file: file))
  }
}
