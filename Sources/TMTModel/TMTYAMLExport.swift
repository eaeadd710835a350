public import YAML

/// `tests export` / `plans export` in YAML, as tmt writes it (`tmt.utils.to_yaml(sort=True)`: ruamel's safe
/// dumper over libyaml; keys sorted, block style, `- ` items at the parent's indentation, scalars folded past
/// column 80): `YAMLEmitter` with its `tmtExport` profile.
public enum TMTYAMLExport {
  /// The YAML document for `items` (a top-level sequence of mappings).
  public static func render(_ items: [YAMLNode]) -> String {
    YAMLEmitter.emit(.sequence(items), profile: .tmtExport)
  }
}
