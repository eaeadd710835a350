import HPCBasics

/// Progress output on stderr, indented like tmt's (plan, step, then step details), filtered by verbosity.
package struct RunLog: Sendable {
  /// `-v` count.
  package var verbosity: Int
  /// `-q`: only warnings, errors and the final total.
  package var quiet: Bool
  /// Where lines go (stderr by default; tests capture them).
  package var sink: @Sendable (String) -> Void

  /// Creates a log writing to stderr.
  package init(verbosity: Int, quiet: Bool, sink: @escaping @Sendable (String) -> Void = { Console.error($0) }) {
    self.verbosity = verbosity
    self.quiet = quiet
    self.sink = sink
  }

  /// A line at `level` (0 plan, 1 step, 2 step detail, 3 test line) shown from `minimumVerbosity` on.
  package func line(_ text: String, level: Int = 0, minimumVerbosity: Int = 0) {
    guard !quiet, verbosity >= minimumVerbosity else { return }
    sink(String(repeating: "    ", count: level) + text.terminalEscaped)
  }

  /// A warning, always shown.
  package func warning(_ text: String, level: Int = 2) {
    sink(String(repeating: "    ", count: level) + "warn: " + text.terminalEscaped)
  }

  /// An error, always shown.
  package func error(_ text: String) { sink("error: " + text.terminalEscaped) }

  /// A line shown even with `-q`.
  package func always(_ text: String) { sink(text.terminalEscaped) }
}
