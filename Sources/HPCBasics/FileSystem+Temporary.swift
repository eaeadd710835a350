#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Fresh scratch files and directories for a process that runs as root on a shared node: each is made by
/// `mkstemp`/`mkdtemp` (a name nobody could have planted, created exclusively, owned by the caller), so what is
/// written there or connected to there is never another user's file, link or socket.
extension FileSystem {
  /// A new empty file `<prefix>XXXXXX` (mode 0600); its path, or nil when it cannot be made. In the sticky /tmp no
  /// other user can remove, rename or replace it afterwards.
  public static func makeTemporaryFile(_ prefix: String) -> String? {
    var template = Array((prefix + "XXXXXX").utf8CString)
    return template.withUnsafeMutableBufferPointer { buffer in
      let fd = mkstemp(buffer.baseAddress!)
      guard fd >= 0 else { return nil }
      close(fd)
      return String(cString: buffer.baseAddress!)
    }
  }

  /// A new directory `<prefix>XXXXXX` that only the caller can enter (mode 0700); its path, or nil.
  public static func makeTemporaryDirectory(_ prefix: String) -> String? {
    var template = Array((prefix + "XXXXXX").utf8CString)
    return template.withUnsafeMutableBufferPointer { buffer in
      mkdtemp(buffer.baseAddress!).map { String(cString: $0) }
    }
  }
}
