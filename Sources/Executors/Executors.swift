/// Namespace of the `Executors` module; see README.md beside this file for its rule.
public enum ExecutorsModule {
  /// The module's name, for diagnostics.
  public static let name = "Executors"
}
