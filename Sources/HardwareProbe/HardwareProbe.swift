/// Namespace of the `HardwareProbe` module; see README.md beside this file for its rule.
public enum HardwareProbeModule {
  /// The module's name, for diagnostics.
  public static let name = "HardwareProbe"
}
