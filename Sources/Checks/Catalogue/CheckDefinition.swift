/// One check of the catalogue: its name, what it needs, its pass criteria, and how it runs.
package struct CheckDefinition: Sendable {
  /// `gpu.pcie-link`.
  package var name: String
  /// One line for `hpctest check --list`.
  package var summary: String
  /// What it reads or runs (`sysfs`, `nvidia-smi`...).
  package var needs: String
  /// Expectation keys it uses.
  package var keys: [String]
  /// Gathers and judges.
  package var run: @Sendable (CheckContext) async -> CheckResult

  /// Creates a definition.
  package init(
    _ name: String, _ summary: String, needs: String, keys: [String] = [],
    run: @escaping @Sendable (CheckContext) async -> CheckResult
  ) {
    self.name = name
    self.summary = summary
    self.needs = needs
    self.keys = keys
    self.run = run
  }
}

/// Every check, by plan.
package enum CheckCatalogue {
  /// All checks in catalogue order.
  package static let all: [CheckDefinition] =
    GPUChecks.all + NvidiaChecks.all + IntelChecks.all + RDMAChecks.all
    + RDMAToolChecks.all + RDMAPairChecks.all + CrosstalkChecks.all

  /// The check called `name`.
  package static func named(_ name: String) -> CheckDefinition? { all.first { $0.name == name } }

  /// Runs `name` in `context`; an unknown name is an error result.
  package static func run(_ name: String, _ context: CheckContext) async -> CheckResult {
    guard let definition = named(name) else { return .error(name, "unknown check '\(name)'") }
    var result = await definition.run(context)
    result.notes += definition.keys.compactMap(context.expectations.note)
    return result
  }
}
