public import HPCBasics

/// What to run: a command line, its environment and working directory, where its output goes and how long it may
/// take. Executors take an invocation, never a TMT test.
package struct Invocation: Sendable, Hashable {
  /// The program (absolute path, or a name looked up in the environment's `PATH`) and its arguments.
  package var argv: [String]
  /// The complete environment of the process (nothing is inherited), in the order given.
  package var environment: [String: String]
  /// The working directory.
  package var workingDirectory: String
  /// The file stdout and stderr are appended to (merged), created when missing.
  package var outputPath: String
  /// The output file's directory, already open: the file is then opened in it (one `openat`) instead of by a walk
  /// from `/`. Not part of the invocation's identity.
  package var outputDirectory: FileSystem.Directory?
  /// The limit after which the whole process group is torn down; nil for none.
  package var timeout: Duration?
  /// How long the process group has between SIGTERM and SIGKILL.
  package var killGrace: Duration

  /// Creates an invocation.
  package init(
    argv: [String], environment: [String: String], workingDirectory: String, outputPath: String,
    timeout: Duration? = nil, killGrace: Duration = .seconds(1)
  ) {
    self.argv = argv
    self.environment = environment
    self.workingDirectory = workingDirectory
    self.outputPath = outputPath
    self.timeout = timeout
    self.killGrace = killGrace
  }

  package static func == (lhs: Invocation, rhs: Invocation) -> Bool {
    (lhs.argv, lhs.environment, lhs.workingDirectory, lhs.outputPath, lhs.timeout, lhs.killGrace)
      == (rhs.argv, rhs.environment, rhs.workingDirectory, rhs.outputPath, rhs.timeout, rhs.killGrace)
  }

  package func hash(into hasher: inout Hasher) {
    hasher.combine(argv)
    hasher.combine(environment)
    hasher.combine(workingDirectory)
    hasher.combine(outputPath)
    hasher.combine(timeout)
    hasher.combine(killGrace)
  }
}

/// How an invocation ended.
package struct ProcessOutcome: Sendable, Hashable {
  /// How the main process terminated.
  package enum Termination: Sendable, Hashable {
    /// It exited with this code.
    case exited(Int32)
    /// A signal ended it.
    case signaled(Int32)
  }

  /// How the main process terminated.
  package var termination: Termination
  /// True when the timeout was reached and the group was torn down.
  package var timedOut: Bool
  /// True when the run was cancelled (SIGINT/SIGTERM to hpctest) and the group was torn down.
  package var cancelled: Bool
  /// The process id (also the process group and session id).
  package var processID: Int32
  /// What held every process of the invocation (`Containment.everything`); nil for a process group only.
  package var containedBy: Containment.Mechanism?
  /// True when the supervisor was the `hpctest-guard` program, false for a fork of hpctest (or no supervisor).
  package var supervisedByProgram = false

  /// Creates an outcome.
  package init(termination: Termination, timedOut: Bool = false, cancelled: Bool = false, processID: Int32 = 0) {
    self.termination = termination
    self.timedOut = timedOut
    self.cancelled = cancelled
    self.processID = processID
    self.containedBy = nil
  }

  /// The shell's view of the status: the exit code, or 128 + signal.
  package var shellStatus: Int32 {
    switch termination {
    case .exited(let code): code
    case .signaled(let signal): 128 + signal
    }
  }
}

/// Why an invocation could not be started.
package struct ExecutorError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What failed, naming the path or program.
  package var message: String

  /// Creates an error.
  package init(_ message: String) { self.message = message }

  /// The message.
  package var description: String { message }
}
