#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Every write, directory creation, link and removal: through a directory descriptor from the walk in
/// `FileSystem+Walk.swift`, new files with `O_CREAT | O_EXCL | O_NOFOLLOW`, replaced files and links through a
/// fresh temporary renamed over the target (`renameat` replaces a planted link itself, never what it points to).
extension FileSystem {
  /// Writes `text` to `path` through a temporary file and `renameat(2)`, so readers never see half a file and a
  /// crash of this process leaves the old or the new content. `durable` also `fsync`s before the rename, so the
  /// content survives a power loss; it costs milliseconds per call. The temporary is a fresh `O_EXCL` name in
  /// the target's directory (a file or link planted there is never opened), and takes an existing target's mode
  /// and owner (a 0600 file stays 0600); a new file is 0644.
  @discardableResult
  public static func writeAtomically(_ path: String, _ text: String, durable: Bool = true) -> Bool {
    replace(path, Array(text.utf8), newMode: 0o644, durable: durable)
  }

  /// Writes `text` to `path`, replacing it as `writeAtomically` does without the `fsync`; a new file gets
  /// `mode`, an existing one keeps its mode and owner.
  @discardableResult
  public static func write(_ path: String, _ text: String, mode: mode_t = 0o644) -> Bool {
    replace(path, Array(text.utf8), newMode: mode, durable: false)
  }

  /// Writes the text that `produce` hands to its `write` function, part after part, to `path` as
  /// `writeAtomically(_:_:durable:)` does, holding at most about `FileSystem.partBuffer` bytes of it at a time, so
  /// a large document never has to exist whole in memory. False when the file could not be written (parts after
  /// a failed write are dropped).
  @discardableResult
  public static func writeAtomically(
    _ path: String, durable: Bool = true, parts produce: (_ write: (String) -> Void) -> Void
  ) -> Bool {
    replace(path, newMode: 0o644, durable: durable) { fd in
      var buffer: [UInt8] = []
      buffer.reserveCapacity(partBuffer)
      var ok = true
      produce { part in
        guard ok else { return }
        buffer.append(contentsOf: part.utf8)
        if buffer.count >= partBuffer {
          ok = writeAll(fd, buffer)
          buffer.removeAll(keepingCapacity: true)
        }
      }
      return ok && writeAll(fd, buffer)
    }
  }

  /// How many bytes `writeAtomically(_:durable:parts:)` gathers before one `write(2)`.
  static let partBuffer = 1 << 16

  private static func replace(_ path: String, _ bytes: [UInt8], newMode: mode_t, durable: Bool) -> Bool {
    replace(path, newMode: newMode, durable: durable) { fd in writeAll(fd, bytes) }
  }

  /// Replaces `path` with a fresh temporary file that `content` fills (true when it wrote everything).
  private static func replace(_ path: String, newMode: mode_t, durable: Bool, content: (Int32) -> Bool) -> Bool {
    inParent(path) { directory, name in
      replace(in: directory, name, newMode: newMode, durable: durable, content: content)
    }
  }

  /// Replaces `name` in the open `directory` through a fresh temporary and `renameat`.
  static func replace(in directory: Int32, _ name: String, _ bytes: [UInt8], newMode: mode_t, durable: Bool) -> Bool {
    replace(in: directory, name, newMode: newMode, durable: durable) { fd in writeAll(fd, bytes) }
  }

  /// Replaces `name` in the open `directory` with a fresh temporary that `content` fills, then `renameat`.
  private static func replace(
    in directory: Int32, _ name: String, newMode: mode_t, durable: Bool, content: (Int32) -> Bool
  ) -> Bool {
    guard let (fd, temporary) = createTemporary(in: directory, prefix: name) else { return false }
    var ok = keepMode(of: name, in: directory, on: fd, newMode: newMode) && content(fd)
    if durable { ok = fsync(fd) == 0 && ok }
    close(fd)
    guard ok, renameat(directory, temporary, directory, name) == 0 else {
      unlinkat(directory, temporary, 0)
      return false
    }
    return true
  }

  /// Gives `fd` the mode and owner of the existing regular file `name` in `directory`, or `newMode`.
  private static func keepMode(of name: String, in directory: Int32, on fd: Int32, newMode: mode_t) -> Bool {
    var info = stat()
    guard fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG else {
      return fchmod(fd, newMode & ~currentUmask()) == 0
    }
    if info.st_uid != geteuid() || info.st_gid != getegid() { _ = fchown(fd, info.st_uid, info.st_gid) }
    return fchmod(fd, info.st_mode & 0o7777) == 0
  }

  /// The process umask (read by setting and restoring it).
  private static func currentUmask() -> mode_t {
    let mask = umask(0o022)
    umask(mask)
    return mask
  }

  /// Appends `text` to `path`, creating it (`mode`); a link in its place is refused, not followed.
  @discardableResult
  public static func append(_ path: String, _ text: String, mode: mode_t = 0o644) -> Bool {
    let fd = openForAppend(path, mode: mode)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return writeAll(fd, Array(text.utf8))
  }

  /// `path` opened for appending (`O_APPEND | O_CREAT | O_NOFOLLOW`, `mode` when new) after the safe walk of its
  /// directory; the descriptor (the caller closes it), or -1 with `errno` set.
  public static func openForAppend(_ path: String, mode: mode_t = 0o644) -> Int32 {
    var fd: Int32 = -1
    _ = inParent(path) { directory, name in
      fd = openat(directory, name, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, mode)
      return fd >= 0
    }
    return fd
  }

  /// Writes all of `bytes` to `fd`, as the buffer form does.
  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { writeAll(fd, $0) }
  }

  /// Writes all of `bytes` to `fd` (again after a partial write or `EINTR`); false when a write fails.
  static func writeAll(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var offset = 0
    while offset < bytes.count {
      let count = Glibc.write(fd, base + offset, bytes.count - offset)
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { return false }
      offset += count
    }
    return true
  }

  /// Creates `path` and its missing parents (`mode`, less the umask); true when it is a directory afterwards.
  @discardableResult
  public static func makeDirectories(_ path: String, mode: mode_t = 0o755) -> Bool {
    let fd = openDirectory(path, create: mode)
    guard fd >= 0 else { return false }
    close(fd)
    return true
  }

  /// Points `path` at `target` through a new link renamed over it: whatever was there (a file, a planted link)
  /// is replaced itself, never followed.
  @discardableResult
  public static func replaceLink(_ path: String, target: String) -> Bool {
    inParent(path) { directory, name in
      for _ in 0..<100 {
        let temporary = temporaryName(name)
        if symlinkat(target, directory, temporary) != 0 {
          if errno == EEXIST { continue }
          return false
        }
        if renameat(directory, temporary, directory, name) == 0 { return true }
        unlinkat(directory, temporary, 0)
        return false
      }
      return false
    }
  }

  /// Removes `path` recursively (files, links, directories) without following any link; true when it is gone.
  @discardableResult
  public static func removeTree(_ path: String) -> Bool {
    let name = Path.basename(path)
    guard !name.isEmpty, name != ".", name != ".." else { return false }
    let directory = openDirectory(Path.dirname(path))
    guard directory >= 0 else { return errno == ENOENT }
    defer { close(directory) }
    return removeEntry(name, in: directory)
  }

  private static func removeEntry(_ name: String, in directory: Int32) -> Bool {
    if unlinkat(directory, name, 0) == 0 || errno == ENOENT { return true }
    guard errno == EISDIR || errno == EPERM else { return false }
    let child = openat(directory, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard child >= 0 else { return false }
    for entry in list(descriptor: child) ?? [] { _ = removeEntry(entry, in: child) }
    close(child)
    return unlinkat(directory, name, AT_REMOVEDIR) == 0 || errno == ENOENT
  }

  /// Entries of the directory open as `fd` (left open), without `.` and `..`. Each call lists the whole directory:
  /// it reads through a fresh open of `fd` itself (a `dup` would share, and use up, `fd`'s position).
  package static func list(descriptor fd: Int32) -> [String]? {
    let copy = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard copy >= 0 else { return nil }
    guard let stream = fdopendir(copy) else {
      close(copy)
      return nil
    }
    defer { closedir(stream) }
    var names: [String] = []
    while let entry = readdir(stream) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }
}
