public import HPCBasics

/// Loads one YAML document the way fmf does (ruamel.yaml safe loader, libyaml parser, YAML 1.2 resolver).
public enum YAMLParser {
  /// Parses UTF-8 `bytes`; locations name `file`. Returns nil when the stream holds no document or the
  /// document is null (empty, comment-only, `---`, `~`): fmf treats those as empty data.
  public static func parse(_ bytes: [UInt8], file: String) throws(Diagnostic) -> YAMLNode? {
    try UTF8Validation.validate(bytes, file: file)
    let reader = LibYAMLEventReader(bytes: bytes, file: file)
    var composer = YAMLComposer(bytes: bytes, file: file, expansionLimit: 1_000_000 + bytes.count)
    guard let root = try composer.composeStream(reader), root.value != .null else { return nil }
    return root
  }

  /// Parses `text` (see ``parse(_:file:)-([UInt8],_)``).
  public static func parse(_ text: String, file: String) throws(Diagnostic) -> YAMLNode? {
    try parse(Array(text.utf8), file: file)
  }
}
