#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension FileSystem {
  /// A small file rewritten in place many times (a marker saying what runs now): each `rewrite` is one `pwrite(2)`
  /// at offset 0, so no new inode, temporary or rename per rewrite. The file never shrinks: a shorter text is
  /// padded with newlines to the longest length written (or found), so it never ends in an older text's tail, and
  /// a `kill -9` between rewrites leaves one whole text. Opened without following a link; closed with the value.
  public final class Rewriter: @unchecked Sendable {
    private let fd: Int32
    private var length: Int

    init?(directory: Int32, name: String, mode: mode_t) {
      guard FileSystem.isPlainName(name) else { return nil }
      fd = openat(directory, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, mode)
      guard fd >= 0 else { return nil }
      var status = stat()
      length = fstat(fd, &status) == 0 ? Int(status.st_size) : 0
    }

    deinit { close(fd) }

    /// Replaces the file's text with `text` (padded with `\n` to the file's length) in one `pwrite`.
    @discardableResult
    public func rewrite(_ text: String) -> Bool {
      var bytes = Array(text.utf8)
      if bytes.count < length { bytes += repeatElement(UInt8(ascii: "\n"), count: length - bytes.count) }
      length = bytes.count
      return bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) } == bytes.count
    }
  }
}

extension FileSystem.Directory {
  /// The file `name` in this directory, opened (created with `mode` when missing) for in-place rewrites; nil when it
  /// cannot be, or is a link.
  public func rewriter(_ name: String, mode: mode_t = 0o644) -> FileSystem.Rewriter? {
    FileSystem.Rewriter(directory: fd, name: name, mode: mode)
  }
}
