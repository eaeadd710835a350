/// The checks `hpctest lint` runs, with tmt 1.78's ids and one-line descriptions (the linters' docstrings),
/// for `--list-checks`. hpctest has no stories, so tmt's S001/S002 are not listed.
public enum TMTLintCatalog {
  /// Checks on tests, sorted by id.
  public static let tests: [(id: String, help: String)] =
    common + [
      ("T001", "all keys are known"),
      ("T002", "test script must be defined"),
      ("T003", "test directory path must be absolute"),
      ("T004", "test directory path must exist"),
      ("T005", "relevancy has been obsoleted by adjust"),
      ("T006", "coverage has been obsoleted by link"),
      ("T007", "manual test path is not an actual path"),
      ("T008", "manual test should be valid markdown"),
      ("T009", "require fields should have type field"),
    ]

  /// Checks on plans, sorted by id.
  public static let plans: [(id: String, help: String)] =
    common + [
      ("P001", "all keys are known"),
      ("P002", "execute step must be defined with \"how\""),
      ("P003", "execute step methods must be known"),
      ("P004", "discover step methods must be known"),
      ("P005", "remote fmf ids must be valid"),
      ("P006", "phases must have unique names"),
      ("P007", "step phases require existing guests and roles"),
      ("P008", "environment files are not empty"),
      ("P009", "step phases have valid data"),
    ]

  private static let common: [(id: String, help: String)] = [
    ("C000", "fmf node should pass the schema validation"),
    ("C001", "summary key should be set and should be reasonably long"),
  ]

  /// What `tmt lint --list-checks` prints for tests and plans.
  public static var listing: String {
    [("tests", tests), ("plans", plans)].map { label, checks in
      (["Linters available for \(label)"] + checks.map { "\($0.id): \($0.help)" }).joined(separator: "\n") + "\n\n"
    }.joined()
  }
}
