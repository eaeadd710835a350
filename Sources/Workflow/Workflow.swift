/// Namespace of the `Workflow` module; see README.md beside this file for its rule.
public enum WorkflowModule {
  /// The module's name, for diagnostics.
  public static let name = "Workflow"
}
