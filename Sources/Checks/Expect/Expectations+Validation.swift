import HPCBasics

/// Validation of the flag and environment layers against `ExpectationKey.all` (the site file is validated while
/// it is read, with file:line:column, by `SiteFile`).
extension Expectations {
  /// One error per unknown key or mistyped value among `--expect` flags (`flags`, by key) and `HPCTEST_EXPECT_*`
  /// variables of `environment`, in a stable order.
  package static func problems(flags: [String: String], environment: [String: String]) -> [Diagnostic] {
    let fromFlags = flags.sorted { $0.key < $1.key }.compactMap { key, value in
      ExpectationKey.problem(key, value).map { Diagnostic.error($0, keyPath: "--expect \(key)=\(value)") }
    }
    let fromEnvironment = environment.sorted { $0.key < $1.key }.compactMap { name, value in
      variableProblem(name, value).map { Diagnostic.error($0, keyPath: "\(name)=\(value)") }
    }
    return fromFlags + fromEnvironment
  }

  /// Why the variable `name=value` is not a valid expectation; nil when it is, or is not an `HPCTEST_EXPECT_*`
  /// variable.
  package static func variableProblem(_ name: String, _ value: String) -> String? {
    guard let key = key(ofVariable: name) else { return nil }
    return ExpectationKey.problem(key, value)
  }
}
