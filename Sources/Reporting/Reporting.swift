/// Namespace of the `Reporting` module; see README.md beside this file for its rule.
public enum ReportingModule {
  /// The module's name, for diagnostics.
  public static let name = "Reporting"
}
