/// The one YAML writer of the project: block-style documents laid out as tmt's dumpers write them (2-space
/// mapping indent, sequences under a key not indented, `[]`/`{}` for empty collections, `null` for null).
/// A ``Profile`` chooses key order, quoting and folding: ``Profile/ruamel`` (libyaml's choices, which tmt's ruamel
/// safe dumper uses, folding past column 80; multi-line strings as literal blocks), ``Profile/tmtExport``
/// (`tmt.utils.to_yaml(sort=True)`: `tests export`/`plans export`) and ``Profile/results`` (PyYAML's YAML 1.1
/// quoting, no folding: results.yaml and the per-test files). Whatever it writes parses back (``YAMLParser``) to the
/// same value.
public enum YAMLEmitter {
  /// The YAML text of `node`, ending with a newline.
  ///
  /// - Parameters:
  ///   - sortKeys: order mapping keys as tmt's safe dumper does (Python `sorted()`: strings by code point;
  ///     numbers before strings here, where Python would fail).
  ///   - literalBlocks: write multi-line strings as `|` blocks; false writes them quoted the way tmt's
  ///     safe dumper does (`'line1\n\n  line2'`), so `sortKeys: true, literalBlocks: false` reproduces
  ///     `tmt.utils.to_yaml` (except anchors for shared objects and `!!omap`).
  public static func emit(_ node: YAMLNode, sortKeys: Bool = false, literalBlocks: Bool = true) -> String {
    emit(node.value, profile: Profile(sortKeys: sortKeys, literalBlocks: literalBlocks, quoting: .libyaml))
  }

  /// The YAML text of `value`, ending with a newline (see ``emit(_:sortKeys:literalBlocks:)-(YAMLNode,_,_)``).
  public static func emit(_ value: YAMLValue, sortKeys: Bool = false, literalBlocks: Bool = true) -> String {
    emit(value, profile: Profile(sortKeys: sortKeys, literalBlocks: literalBlocks, quoting: .libyaml))
  }

  /// The YAML text of `value` in `profile`, ending with a newline.
  ///
  /// - Parameter shared: mapping entries that stand for one object shared by several places (PyYAML anchors
  ///   such objects): the first entry written that equals one of them gets an anchor on its value (`key: &id001`),
  ///   later equal entries become aliases (`key: *id001`); anchors are numbered in the order they are written.
  public static func emit(_ value: YAMLValue, profile: Profile, shared: Set<YAMLPair> = []) -> String {
    var output = EmitterOutput(profile: profile, shared: shared)
    output.text.reserveCapacity(1024)
    output.document(value)
    return output.text
  }

  /// One string as `profile` writes it in a block mapping value that starts at column 0 (no folding happens
  /// before column 80).
  public static func scalar(_ string: String, profile: Profile) -> String {
    var output = EmitterOutput(profile: profile, shared: [])
    _ = output.string(string, indent: 2, isKey: false)
    return output.text
  }
}
