import HPCBasics

#if canImport(Glibc)
  import Glibc
#endif

/// srun's output file, read in place for the one pass of `SlurmFrames.parse(bytes:)`: the file is mapped
/// read-only (its page-cache pages, no zero-filled buffer and no copy: 68 MB for 1,000 nodes × 40 tests), and
/// read into memory as before only where it cannot be mapped. Nothing is kept pointing into the mapping: the frame
/// reader copies what it keeps.
enum SlurmOutput {
  /// `body` over the bytes of the file at `path` (no bytes when it is empty or unreadable).
  static func withBytes<Value>(_ path: String, _ body: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    var info = stat()
    guard fd >= 0, fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else {
      if fd >= 0 { close(fd) }
      return (FileSystem.readBytes(path) ?? []).withUnsafeBufferPointer(body)
    }
    let size = Int(info.st_size)
    // MAP_POPULATE: the whole file's pages at once, instead of a fault per few pages during the pass.
    let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0)
    close(fd)
    guard let mapping, mapping != MAP_FAILED else {
      return (FileSystem.readBytes(path) ?? []).withUnsafeBufferPointer(body)
    }
    defer { munmap(mapping, size) }
    return body(UnsafeBufferPointer(start: mapping.assumingMemoryBound(to: UInt8.self), count: size))
  }
}

/// The output's bytes, shared read-only by the threads that scan its chunks (nothing writes them while they do).
struct SlurmOutputBytes: @unchecked Sendable {
  let bytes: UnsafeBufferPointer<UInt8>
}
