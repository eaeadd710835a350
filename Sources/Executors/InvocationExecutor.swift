/// Runs invocations somewhere: on this machine (`LocalExecutor`) or on a guest over SSH (`SSHExecutor`). The
/// Workflow calls tests and shell phases through this one interface; paths in an invocation are paths where it runs.
package protocol InvocationExecutor: Sendable {
  /// Runs `invocation` to completion, its timeout or cancellation of the calling task; on timeout and
  /// cancellation its whole process group gets SIGTERM, then SIGKILL after `killGrace`, and members left
  /// behind after the main process exits are killed.
  func run(_ invocation: Invocation) async -> Result<ProcessOutcome, ExecutorError>

  /// Copies local directories to the same absolute paths where invocations run (nothing to do locally).
  func push(_ directories: [String]) async -> ExecutorError?

  /// Copies directories back from where invocations ran to the same local paths (nothing to do locally).
  func pull(_ directories: [String]) async -> ExecutorError?

  /// True when invocations run on this machine, in the local directories themselves (nothing is copied).
  var runsHere: Bool { get }
}

extension InvocationExecutor {
  /// Invocations run on this machine.
  package var runsHere: Bool { true }

  /// Nothing to copy: invocations run on this machine.
  package func push(_ directories: [String]) async -> ExecutorError? { nil }

  /// Nothing to copy: invocations run on this machine.
  package func pull(_ directories: [String]) async -> ExecutorError? { nil }
}
