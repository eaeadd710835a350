#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

extension FileSystem {
  /// A directory opened once by the safe walk (`FileSystem+Walk.swift`) for many writes in it: each file then
  /// costs one `openat` on the held descriptor instead of a walk from `/`. The guarantees are `write`'s and
  /// `openForAppend`'s: nothing is written through a link. The descriptor is closed when the value goes away.
  public final class Directory: Sendable {
    /// The open directory.
    let fd: Int32

    /// `path` opened (made with its missing parents and `mode` when `create`); nil when it cannot be.
    public init?(_ path: String, create: Bool = false, mode: mode_t = 0o755) {
      fd = FileSystem.openDirectory(path, create: create ? mode : nil)
      guard fd >= 0 else { return nil }
    }

    private init(descriptor: Int32) { fd = descriptor }

    /// The directory `relative` (a path below this one) opened by the same walk as `init`, starting here instead of
    /// at `/` (made with its missing parents and `mode` when `create`); nil for an absolute path, one with a `..`
    /// component, or when it cannot be.
    public func descendant(_ relative: String, create: Bool = false, mode: mode_t = 0o755) -> Directory? {
      guard !relative.hasPrefix("/"), !relative.split(separator: "/").contains("..") else { return nil }
      let child = FileSystem.openDirectory(relative, create: create ? mode : nil, from: fd)
      return child >= 0 ? Directory(descriptor: child) : nil
    }

    deinit { close(fd) }

    /// The subdirectory `name`, made first when missing (`mode`); nil when it cannot be, or is a link. `likelyNew`
    /// (a directory the caller expects to make) tries `mkdirat` before `openat`: one call less when it is new, one
    /// more when it is not; the same result and the same refusal of a link either way.
    public func subdirectory(_ name: String, mode: mode_t = 0o755, likelyNew: Bool = false) -> Directory? {
      guard FileSystem.isPlainName(name) else { return nil }
      let flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC
      if likelyNew && mkdirat(fd, name, mode) != 0 && errno != EEXIST { return nil }
      var child = openat(fd, name, flags)
      if !likelyNew && child < 0 && errno == ENOENT && (mkdirat(fd, name, mode) == 0 || errno == EEXIST) {
        child = openat(fd, name, flags)
      }
      return child >= 0 ? Directory(descriptor: child) : nil
    }

    /// Writes `text` to the file `name`: a new file is created exclusively (`O_CREAT | O_EXCL | O_NOFOLLOW`,
    /// `mode`) and written in place; an existing one (or a link planted there) is replaced as `FileSystem.write`
    /// does, through a temporary renamed over it, keeping an existing file's mode and owner.
    @discardableResult
    public func write(_ name: String, _ text: String, mode: mode_t = 0o644) -> Bool {
      guard FileSystem.isPlainName(name) else { return false }
      let file = openat(fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
      guard file >= 0 else {
        return errno == EEXIST && FileSystem.replace(in: fd, name, Array(text.utf8), newMode: mode, durable: false)
      }
      // Written from the string's own storage: no copy of the text first.
      var text = text
      let ok = text.withUTF8 { FileSystem.writeAll(file, $0) }
      close(file)
      return ok
    }

    /// Replaces the file `name` atomically (temporary + `renameat`), as `FileSystem.writeAtomically` does.
    @discardableResult
    public func writeAtomically(_ name: String, _ text: String, durable: Bool = true) -> Bool {
      FileSystem.isPlainName(name)
        && FileSystem.replace(in: fd, name, Array(text.utf8), newMode: 0o644, durable: durable)
    }

    /// True when `name` is a plain file (not a link, one name only) holding exactly `text`: one `openat` and one
    /// `read` on the held descriptor.
    public func holds(_ name: String, _ text: String) -> Bool {
      guard FileSystem.isPlainName(name) else { return false }
      let file = openat(fd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
      guard file >= 0 else { return false }
      defer { close(file) }
      let expected = Array(text.utf8)
      var info = stat()
      guard fstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1,
        Int(info.st_size) == expected.count
      else { return false }
      var bytes = [UInt8](repeating: 0, count: expected.count + 1)
      let count = bytes.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
      return count == expected.count && bytes.prefix(count).elementsEqual(expected)
    }

    /// Removes the file (or link) `name` from this directory; true when it is gone.
    @discardableResult
    public func remove(_ name: String) -> Bool {
      FileSystem.isPlainName(name) && (unlinkat(fd, name, 0) == 0 || errno == ENOENT)
    }

    /// The file `name` opened for appending (`O_APPEND | O_CREAT | O_NOFOLLOW`); -1 with `errno` set.
    public func openForAppend(_ name: String, mode: mode_t = 0o644) -> Int32 {
      guard FileSystem.isPlainName(name) else { return -1 }
      return openat(fd, name, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, mode)
    }
  }

  /// True for one path component that moves nowhere else: not empty, `.`, `..`, and without a slash.
  static func isPlainName(_ name: String) -> Bool {
    !name.isEmpty && name != "." && name != ".." && !name.contains("/")
  }
}
