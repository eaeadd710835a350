#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Unbuffered writes to standard output and standard error (one `write(2)` per call), and what the terminal behind
/// them can show.
public enum Console {
  /// True when `fd` is an interactive terminal (`isatty`).
  public static func isTerminal(fd: Int32) -> Bool { isatty(fd) == 1 }

  /// Whether output to `fd` may be coloured: only on a terminal, never with `--no-color` (`noColorFlag`) or a
  /// non-empty `NO_COLOR` or `TMT_NO_COLOR` (no-color.org; tmt's variable), and not for `TERM=dumb`.
  public static func colorAllowed(fd: Int32, noColorFlag: Bool, environment: [String: String]) -> Bool {
    guard !noColorFlag, isTerminal(fd: fd) else { return false }
    for name in ["NO_COLOR", "TMT_NO_COLOR"] where !(environment[name] ?? "").isEmpty { return false }
    return environment["TERM"] != "dumb"
  }

  /// Writes `text` and a newline to standard output.
  public static func out(_ text: String) { write(fd: 1, text + "\n") }
  /// Writes `text` and a newline to standard error.
  public static func error(_ text: String) { write(fd: 2, text + "\n") }

  /// Writes `text` as-is to file descriptor `fd`, retrying short writes.
  public static func write(fd: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { buffer in
        #if canImport(Darwin)
          Darwin.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        #else
          Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        #endif
      }
      if written < 0 && errno == EINTR { continue }
      if written <= 0 { return }
      offset += written
    }
    bytes.removeAll()
  }
}
