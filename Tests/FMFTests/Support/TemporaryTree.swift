import Glibc
import HPCBasics
import TestSupport

/// A scratch directory removed by `remove()`.
struct TemporaryDirectory {
  let path: String

  init() {
    path = Scratch.directory("fmf-tests-")
  }

  func remove() { FileSystem.removeTree(path) }

  /// Copies the tree at `source` (files and directories; symlinks copied as what they point to) to `target`.
  static func copyTree(_ source: String, to target: String) {
    FileSystem.makeDirectories(target)
    for name in FileSystem.list(source) ?? [] {
      let from = source + "/" + name
      let to = target + "/" + name
      if FileSystem.isDirectory(from) {
        copyTree(from, to: to)
      } else if let bytes = FileSystem.readBytes(from) {
        FileSystem.write(to, String(decoding: bytes, as: UTF8.self))
        if String(validating: bytes, as: UTF8.self) == nil { writeBytes(to, bytes) }
      }
    }
  }

  /// Writes raw bytes (for non-UTF-8 fixtures).
  static func writeBytes(_ path: String, _ bytes: [UInt8]) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { return }
    defer { close(fd) }
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
  }
}
