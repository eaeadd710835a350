/// Namespace of the `HardwareMatch` module; see README.md beside this file for its rule.
public enum HardwareMatchModule {
  /// The module's name, for diagnostics.
  public static let name = "HardwareMatch"
}
