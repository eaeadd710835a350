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

  /// Prepares `invocation`'s start while something else runs, so that running it later starts the program at once;
  /// nil when this executor prepares nothing (it then simply runs).
  func prestart(_ invocation: Invocation) -> PrestartedInvocation?

  /// Runs a prestarted invocation with `timeout`, as `run` runs an invocation.
  func run(_ prestarted: PrestartedInvocation, timeout: Duration?) async -> Result<ProcessOutcome, ExecutorError>

  /// Ends a prestarted invocation that will not run.
  func discard(_ prestarted: PrestartedInvocation) async
}

extension InvocationExecutor {
  /// Invocations run on this machine.
  package var runsHere: Bool { true }

  /// Nothing to copy: invocations run on this machine.
  package func push(_ directories: [String]) async -> ExecutorError? { nil }

  /// Nothing to copy: invocations run on this machine.
  package func pull(_ directories: [String]) async -> ExecutorError? { nil }
}

/// An invocation whose start was prepared ahead by its executor (`InvocationExecutor.prestart`): for a contained
/// local run, its supervisor is running and waits to start the program. Run it (`run(_:timeout:)`) or discard it
/// (`discard(_:)`) exactly once.
package struct PrestartedInvocation: Sendable {
  /// The invocation it was prepared for (its timeout is given when it runs).
  package let invocation: Invocation
  let waiting: SupervisedRun.Waiting
  let run: SupervisedRun
}

extension InvocationExecutor {
  /// Nothing is prepared ahead: the invocation starts when it runs.
  package func prestart(_ invocation: Invocation) -> PrestartedInvocation? { nil }

  /// Runs the invocation (an executor that prepares nothing never made `prestarted`).
  package func run(_ prestarted: PrestartedInvocation, timeout: Duration?) async -> Result<
    ProcessOutcome, ExecutorError
  > {
    var invocation = prestarted.invocation
    invocation.timeout = timeout
    return await run(invocation)
  }

  /// Nothing to end (an executor that prepares nothing never made `prestarted`).
  package func discard(_ prestarted: PrestartedInvocation) async {}
}
