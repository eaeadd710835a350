/// Namespace of the `Checks` module; see README.md beside this file for its rule.
public enum ChecksModule {
  /// The module's name, for diagnostics.
  public static let name = "Checks"
}
