public import Executors

/// How `hpctest run` sweeps plans over Slurm nodes (`provision -h slurm`, or a plan's `provision: how: slurm`).
package struct SlurmOptions: Sendable {
  /// What to allocate; the command line's keys win over the plan's.
  package var allocation = SlurmAllocation()
  /// Node-local directory for the stage (`--stage-dir`, default `/tmp`).
  package var stageRoot = "/tmp"
  /// Each node's work directory (`--node-dir`, `%n` node, `%j` job id); nil: inside the stage, removed after.
  package var nodeDirectory: String?
  /// The hpctest binary to broadcast (the running one).
  package var executable = "/proc/self/exe"

  /// Creates default options.
  package init() {}

  /// Sets a `provision -h slurm` option (`--nodes`, ..., `--stage-dir`, `--node-dir`); false when unknown.
  package mutating func set(option: String, _ value: String) -> Bool {
    switch option {
    case "--stage-dir": stageRoot = value
    case "--node-dir": nodeDirectory = value
    default:
      guard option.hasPrefix("--") else { return false }
      return allocation.set(String(option.dropFirst(2)), value)
    }
    return true
  }
}
