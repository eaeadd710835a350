import HPCBasics

/// Everything a check needs: where facts are read, how tools run, and what is expected.
package struct CheckContext: Sendable {
  /// The root `/sys` and `/proc` are read under.
  package var root: SystemRoot
  /// Runs vendor tools.
  package var runner: any ToolRunner
  /// Expected values and thresholds.
  package var expectations: Expectations
  /// The time limit for one tool run.
  package var toolTimeout: Duration
  /// A directory that lives as long as the plan (`$TMT_PLAN_DATA`), for readings compared across checks.
  package var stateDirectory: String?
  /// The multihost topology file (`$TMT_TOPOLOGY_YAML`) the two-node checks find their peer in; nil outside a plan.
  package var topologyFile: String?

  /// Creates a context.
  package init(
    root: SystemRoot, runner: any ToolRunner, expectations: Expectations = Expectations(),
    toolTimeout: Duration = .seconds(300), stateDirectory: String? = nil, topologyFile: String? = nil
  ) {
    self.stateDirectory = stateDirectory
    self.topologyFile = topologyFile
    self.root = root
    self.runner = runner
    self.expectations = expectations
    self.toolTimeout = toolTimeout
  }

  /// Tools the site file or flags mark as required (`required-tools: nvidia-smi,dcgmi`).
  package var requiredTools: Set<String> { Set(expectations.list("required-tools")) }

  /// The output of `argv` when it ran (any exit status), or the result to return instead: `skip` when the tool is
  /// absent (`fail` when it is required), `error` when it could not start or timed out.
  package func tool(_ argv: [String], for check: String) async -> ToolRun {
    let name = argv.first ?? "?"
    switch await runner.run(argv, timeout: toolTimeout) {
    case .finished(let status, let output):
      return .ran(status: status, output: output)
    case .notFound(let why):
      let required = requiredTools.contains(name)
      let outcome: CheckOutcome = required ? .fail : .skip
      let suffix = required ? " (the site marks it required)" : ""
      return .unavailable(CheckResult(check: check, items: [CheckItem(check, outcome, "\(why)\(suffix)")]))
    case .timedOut:
      return .unavailable(.error(check, "\(argv.joined(separator: " ")) timed out after \(toolTimeout)"))
    case .failedToStart(let why):
      return .unavailable(.error(check, why))
    }
  }
}

/// A tool's output, or the result a check returns when the tool did not run.
package enum ToolRun: Sendable {
  /// The tool ran: exit status and merged output.
  case ran(status: Int32, output: String)
  /// The tool did not run; return this result.
  case unavailable(CheckResult)
}
