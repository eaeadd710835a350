#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension FileSystem {
  /// An open file that only grows: every `append` is one `write(2)` at the end (`O_APPEND`), so what a write
  /// returned is in the kernel and survives a `kill -9` of this process; `sync()` makes it survive a power loss too.
  /// The file is opened without following a final symlink and closed when the value goes away.
  public final class Appender: @unchecked Sendable {
    private let fd: Int32

    /// Opens `path` for appending, creating it (mode 0644), or emptying it first when `truncate`; nil on failure.
    public init?(_ path: String, truncate: Bool = false) {
      let flags = O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (truncate ? O_TRUNC : 0)
      fd = open(path, flags, 0o644)
      guard fd >= 0 else { return nil }
    }

    deinit { close(fd) }

    /// Appends `bytes` with a single `write(2)` (retried for the rest only if the kernel wrote part of it).
    @discardableResult
    public func append(_ bytes: [UInt8]) -> Bool { FileSystem.writeAll(fd, bytes) }

    /// `fdatasync(2)`: what was appended so far reaches the disk.
    @discardableResult
    public func sync() -> Bool { fdatasync(fd) == 0 }
  }
}
