import HPCBasics
import Reporting

/// Progress output on stderr, indented like tmt's (plan, step, then step details), filtered by verbosity. On an
/// interactive terminal (`live`) it also draws tmt's `progress:` line, overwritten in place and cleared before
/// any other line, and (`color`) paints outcomes as tmt does.
package struct RunLog: Sendable {
  /// `-v` count.
  package var verbosity: Int
  /// `-q`: only warnings, errors, the failing devices and the final total.
  package var quiet: Bool
  /// Where lines go (stderr by default; tests capture them).
  package var sink: @Sendable (String) -> Void
  /// True when the sink is an interactive terminal: the live progress line is drawn (at default verbosity).
  package var live = false
  /// True when outcomes are coloured (a terminal, no `NO_COLOR`, no `--no-color`).
  package var color = false
  /// Writes text as-is, without a newline (the progress line); stderr by default.
  package var rawSink: @Sendable (String) -> Void = { Console.write(fd: 2, $0) }

  /// Creates a log writing to stderr.
  package init(verbosity: Int, quiet: Bool, sink: @escaping @Sendable (String) -> Void = { Console.error($0) }) {
    self.verbosity = verbosity
    self.quiet = quiet
    self.sink = sink
  }

  /// A line at `level` (0 plan, 1 step, 2 step detail, 3 test line) shown from `minimumVerbosity` on.
  package func line(_ text: String, level: Int = 0, minimumVerbosity: Int = 0) {
    guard !quiet, verbosity >= minimumVerbosity else { return }
    emit(String(repeating: "    ", count: level) + text.terminalEscaped)
  }

  /// A warning, always shown.
  package func warning(_ text: String, level: Int = 2) {
    emit(String(repeating: "    ", count: level) + "warn: " + text.terminalEscaped)
  }

  /// An error, always shown.
  package func error(_ text: String) { emit("error: " + text.terminalEscaped) }

  /// A line shown even with `-q`.
  package func always(_ text: String) { emit(text.terminalEscaped) }

  /// True when the live progress line is drawn: a terminal, default verbosity, not quiet (tmt shows it only
  /// without `-v`).
  package var showsProgress: Bool { live && !quiet && verbosity == 0 }

  /// Replaces the progress line with `progress: TEXT` at `level` (tmt's layout), when `showsProgress`.
  package func progress(_ text: String, level: Int = 2) {
    guard showsProgress else { return }
    let line = String(repeating: "    ", count: level) + "progress: " + text.terminalEscaped
    rawSink(Self.clear + (color ? Display.painted(line) : line))
  }

  /// Clears the progress line (the cursor returns to its start), when one may be drawn.
  package func clearProgress() {
    if showsProgress { rawSink(Self.clear) }
  }

  /// Carriage return and erase to the end of the line.
  static let clear = "\r\u{1B}[K"

  /// Writes an escaped line: over the progress line on a terminal, painted when colour is on.
  private func emit(_ escaped: String) {
    let text = color ? Display.painted(escaped) : escaped
    sink(showsProgress ? Self.clear + text : text)
  }
}
