import HPCBasics

/// How far the teardown of an invocation reaches.
package enum Containment: Sendable, Hashable {
  /// The process group only (a new session): what leaves it on purpose (an `ssh -f` master, a daemon a helper
  /// starts) is left alone, and nothing survives hpctest's own death. For hpctest's helpers, not for tests.
  case processGroup
  /// Every process the invocation starts, whatever its process group or session, at its timeout, on cancellation,
  /// when it exits, and when hpctest is killed: a supervisor process per invocation (a child subreaper) and, where
  /// hpctest can create one, a cgroup v2 per invocation.
  case everything(Mechanism)

  /// What holds the processes of a contained invocation.
  package enum Mechanism: String, Sendable, Hashable {
    /// A cgroup v2 per invocation (`cgroup.kill`), else the descendant walk.
    case cgroup
    /// The supervisor's descendant walk only (the documented fallback where cgroups are not writable).
    case subreaper
  }

  /// `everything`, with the mechanism `HPCTEST_CONTAINMENT` names (`subreaper` forces the fallback; anything
  /// else, or unset, uses cgroups where possible).
  package static var configured: Containment {
    ProcessEnvironment.current()["HPCTEST_CONTAINMENT"] == "subreaper" ? .everything(.subreaper) : .everything(.cgroup)
  }
}
