/// Namespace of the `FMF` module; see README.md beside this file for its rule.
public enum FMFModule {
  /// The module's name, for diagnostics.
  public static let name = "FMF"
}
