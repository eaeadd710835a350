import HPCBasics
import YAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads one metadata file as fmf does: strict UTF-8, one YAML document (nil when empty).
enum FMFYAMLFile {
  /// The largest metadata file read (4 MiB): a file of many small nodes takes about 140 times its size in memory
  /// once listed (`hpctest tests ls` on a 4 MB file of 153,847 two-line nodes: about 0.6 GB peak RSS; see
  /// docs/RELIABILITY.md), so this bounds a hostile file to well under 1 GB.
  static let maximumSize = 4 << 20

  /// Parses the file at `path`; locations name it as `display`.
  static func parse(_ path: String, display: String) throws(Diagnostic) -> YAMLNode? {
    var bytes = try read(path, display: display)
    if bytes == nil { bytes = try readOther(path, display: display) }
    guard let bytes else {
      throw Diagnostic.error("Failed to read '\(path)'.", at: SourceLocation(file: display))
    }
    return try parse(bytes, display: display)
  }

  /// Parses a file's `bytes` (the same size limit); locations name it as `display`.
  static func parse(_ bytes: [UInt8], display: String) throws(Diagnostic) -> YAMLNode? {
    guard bytes.count <= maximumSize else {
      throw Diagnostic.error(
        "'\(display)' is \(bytes.count) bytes, more than the \(maximumSize >> 20) MiB a metadata file may have",
        at: SourceLocation(file: display))
    }
    return try YAMLParser.parse(bytes, file: display)
  }

  /// The file's bytes in one buffer sized by `fstat` (metadata files are small and many: no 64 KiB scratch
  /// buffer per file, no `stat` before the `open`); nil when it is not a regular file that opens.
  private static func read(_ path: String, display: String) throws(Diagnostic) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    let size = Int(info.st_size)
    try checkSize(size, display: display)
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      count = 0
      while count < size {
        let got = Glibc.read(fd, buffer.baseAddress! + count, size - count)
        if got < 0 && errno == EINTR { continue }
        if got <= 0 {
          failed = got < 0
          break
        }
        count += got
      }
    }
    return failed ? nil : bytes
  }

  /// Anything else (a FIFO, a file that would not open): `stat` for the size limit, then read to the end.
  private static func readOther(_ path: String, display: String) throws(Diagnostic) -> [UInt8]? {
    var info = stat()
    if stat(path, &info) == 0 { try checkSize(Int(info.st_size), display: display) }
    return FileSystem.readBytes(path)
  }

  private static func checkSize(_ size: Int, display: String) throws(Diagnostic) {
    guard size > maximumSize else { return }
    throw Diagnostic.error(
      "'\(display)' is \(size) bytes, more than the \(maximumSize >> 20) MiB a metadata file may have",
      at: SourceLocation(file: display))
  }
}
