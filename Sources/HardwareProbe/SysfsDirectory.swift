import HPCBasics

#if canImport(Glibc)
  import Glibc
#endif

/// One open sysfs directory: attributes, links and entries are read relative to its descriptor (`openat`,
/// `readlinkat`), so a read walks one path component instead of the whole path from `/`, and a device's ~30
/// attributes cost one directory open. A directory that cannot be opened reads as empty (every read is nil).
/// Immutable after `init`, so threads may read through one directory at once (`Parallel.map`).
final class SysfsDirectory: Sendable {
  /// The directory's path as the caller resolved it (lexically, under the canonical root).
  let path: String
  private let fd: Int32
  /// Why opening failed (`ENOENT`, `ENOTDIR`, ...); 0 when open.
  let openError: Int32

  /// Opens `path` (symlinks followed).
  init(_ path: String) {
    self.path = path
    fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    openError = fd < 0 ? errno : 0
  }

  /// Opens the entry `name` of `parent` (symlinks followed); `path` names it for links and messages.
  init(_ name: String, in parent: SysfsDirectory, path: String? = nil) {
    self.path = path ?? parent.path + "/" + name
    fd = parent.fd >= 0 ? openat(parent.fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1
    openError = parent.fd < 0 ? parent.openError : fd < 0 ? errno : 0
  }

  deinit { if fd >= 0 { close(fd) } }

  /// True when the directory could be opened.
  var isOpen: Bool { fd >= 0 }

  /// True when the entry `name` is a directory (symlinks followed).
  func isDirectory(_ name: String) -> Bool {
    guard fd >= 0 else { return false }
    var info = stat()
    guard fstatat(fd, name, &info, 0) == 0 else { return false }
    return info.st_mode & S_IFMT == S_IFDIR
  }

  /// The attribute `name` without trailing newlines, spaces, tabs and NULs; nil when missing or unreadable.
  func text(_ name: String) -> String? { withAttribute(name) { String(decoding: $0, as: UTF8.self) } }

  /// `body` applied to the trimmed bytes of the attribute `name` (`Sysfs.withAttribute`: one `openat`, one
  /// `read(2)` into a stack buffer, `close`); nil when missing or unreadable, with `errno` telling why.
  func withAttribute<T>(_ name: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
    guard fd >= 0 else { return nil }
    let file = openat(fd, name, O_RDONLY | O_CLOEXEC)
    guard file >= 0 else { return nil }
    defer { close(file) }
    return Sysfs.withAttribute(file, body)
  }

  /// A hexadecimal attribute (`0x10de`, `10de`); nil when missing or not hex.
  func hexValue(_ name: String) -> UInt64? { withAttribute(name, Sysfs.parseHex).flatMap { $0 } }

  /// A decimal integer attribute; nil when missing or not a number.
  func integer(_ name: String) -> Int? { withAttribute(name, Sysfs.parseInt).flatMap { $0 } }

  /// An unsigned decimal attribute (a counter); nil when missing or not a number.
  func unsigned(_ name: String) -> UInt64? { withAttribute(name, Sysfs.parseUInt64).flatMap { $0 } }

  /// The raw target of the symlink `name`, or of a flattened symlink file holding it (`../../bus/pci/drivers/x`).
  func linkTarget(_ name: String) -> String? {
    guard fd >= 0 else { return nil }
    let target = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { buffer -> String? in
      let count = buffer.withMemoryRebound(to: CChar.self) { readlinkat(fd, name, $0.baseAddress!, $0.count) }
      guard count >= 0 else { return nil }
      return String(decoding: UnsafeMutableBufferPointer(rebasing: buffer[0..<count]), as: UTF8.self)
    }
    if let target { return target }
    // EINVAL: not a symlink; a capture may have flattened it into a small file.
    guard errno == EINVAL, let content = text(name), content.hasPrefix("../") || content.hasPrefix("/"),
      !content.contains("\n")
    else { return nil }
    return content
  }

  /// The last component of the (possibly flattened) link `name` (`driver` → `nvidia`).
  func linkName(_ name: String) -> String? { linkTarget(name).map(Path.basename) }

  /// The absolute, `..`-free path the (possibly flattened) link `name` points to, resolved lexically against
  /// `path` (see `Sysfs.resolveLink`).
  func resolveLink(_ name: String) -> String? {
    guard let target = linkTarget(name) else { return nil }
    return Sysfs.normalize(target.hasPrefix("/") ? target : path + "/" + target)
  }

  /// Entries, naturally sorted (`virtfn2` before `virtfn10`); empty when the directory cannot be read.
  func entries() -> [String] { Sysfs.naturalSorted(unsortedEntries()) }

  /// Entries starting with `prefix`, naturally sorted.
  func entries(prefix: String) -> [String] { Sysfs.naturalSorted(unsortedEntries().filter { $0.hasPrefix(prefix) }) }

  /// Entries in directory order, without `.` and `..`.
  func unsortedEntries() -> [String] {
    guard fd >= 0 else { return [] }
    return FileSystem.list(descriptor: fd) ?? []
  }
}
