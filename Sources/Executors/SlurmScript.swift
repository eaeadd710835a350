/// A Slurm batch job wrapping one invocation.
package struct SlurmJob: Sendable, Hashable {
  /// `--job-name`.
  package var name: String
  /// `--partition`, nil for the cluster default.
  package var partition: String?
  /// `--nodes`.
  package var nodes: Int
  /// `--nodelist`, empty for any.
  package var nodeList: [String]
  /// `--gres` entries such as `gpu:4`.
  package var gres: [String]
  /// `--account`, nil for the default.
  package var account: String?
  /// Extra `#SBATCH` lines, each without the prefix (`--exclusive`).
  package var extra: [String]
  /// The invocation (its timeout becomes `--time`, its output file `--output`).
  package var invocation: Invocation

  /// Creates a job.
  package init(
    name: String, partition: String? = nil, nodes: Int = 1, nodeList: [String] = [], gres: [String] = [],
    account: String? = nil, extra: [String] = [], invocation: Invocation
  ) {
    self.name = name
    self.partition = partition
    self.nodes = nodes
    self.nodeList = nodeList
    self.gres = gres
    self.account = account
    self.extra = extra
    self.invocation = invocation
  }
}

/// Renders the `sbatch` script of a job (pure; golden-tested).
package enum SlurmScript {
  /// The script text: `#SBATCH` directives, then the working directory, the environment and the command.
  package static func render(_ job: SlurmJob) -> String {
    var lines = ["#!/bin/bash"]
    for directive in directives(job) { lines.append("#SBATCH \(directive)") }
    lines.append("set -o pipefail")
    lines.append("cd \(ShellQuote.quote(job.invocation.workingDirectory)) || exit 2")
    let environment = job.invocation.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    lines.append(ShellQuote.join(["exec", "env", "-i"] + environment + job.invocation.argv) + " </dev/null")
    return lines.joined(separator: "\n") + "\n"
  }

  /// `--time` text for a limit: `D-HH:MM:SS` past a day, else `HH:MM:SS`, rounded up to whole seconds.
  package static func timeLimit(_ limit: Duration) -> String {
    let (seconds, attoseconds) = limit.components
    let total = Int(seconds) + (attoseconds > 0 ? 1 : 0)
    let days = total / 86400
    let clock = pad(total % 86400 / 3600) + ":" + pad(total % 3600 / 60) + ":" + pad(total % 60)
    return days > 0 ? "\(days)-\(clock)" : clock
  }

  private static func directives(_ job: SlurmJob) -> [String] {
    var result = ["--job-name=\(ShellQuote.quote(job.name))", "--nodes=\(job.nodes)"]
    if let partition = job.partition { result.append("--partition=\(ShellQuote.quote(partition))") }
    if let account = job.account { result.append("--account=\(ShellQuote.quote(account))") }
    if !job.nodeList.isEmpty { result.append("--nodelist=\(job.nodeList.joined(separator: ","))") }
    for gres in job.gres { result.append("--gres=\(gres)") }
    if let timeout = job.invocation.timeout { result.append("--time=\(timeLimit(timeout))") }
    result.append("--output=\(ShellQuote.quote(job.invocation.outputPath))")
    result.append("--open-mode=append")
    return result + job.extra
  }

  private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
