extension YAMLEmitter {
  /// Which of tmt's dumpers an emitted document imitates: key order, string quoting, literal blocks.
  public struct Profile: Sendable, Hashable {
    /// How strings are quoted.
    public enum Quoting: Sendable, Hashable {
      /// libyaml's style choice (as tmt's ruamel safe dumper makes it, with the YAML 1.2 resolver deciding what
      /// must be quoted), folded at spaces past column 80.
      case libyaml
      /// PyYAML's YAML 1.1 resolver rules (`'yes'`, `'10:00:00'`, `'1.5'` quoted), double quotes with escapes for
      /// control characters, never folded (a string tmt would fold is written on one line: same value).
      case pyyaml11
    }

    /// Sort mapping keys (Python `sorted()`: strings by code point, numbers before strings).
    public var sortKeys: Bool
    /// Write multi-line strings as `|` blocks (libyaml quoting only); false quotes them as tmt's dumper does.
    public var literalBlocks: Bool
    /// How strings are quoted.
    public var quoting: Quoting

    /// A profile.
    public init(sortKeys: Bool, literalBlocks: Bool, quoting: Quoting) {
      self.sortKeys = sortKeys
      self.literalBlocks = literalBlocks
      self.quoting = quoting
    }

    /// Readable YAML for people: keys in the order given, multi-line strings as literal blocks.
    public static let ruamel = Profile(sortKeys: false, literalBlocks: true, quoting: .libyaml)
    /// `tmt.utils.to_yaml(sort=True)`, which `tmt tests export`/`plans export` print.
    public static let tmtExport = Profile(sortKeys: true, literalBlocks: false, quoting: .libyaml)
    /// tmt's `results.yaml` and the per-test YAML files (keys in the order given, as the caller sorted them).
    public static let results = Profile(sortKeys: false, literalBlocks: false, quoting: .pyyaml11)
  }
}
