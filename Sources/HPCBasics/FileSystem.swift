#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Thin, throwing-free file helpers over POSIX calls (one choke point; no Foundation needed).
/// Modules add their own helpers in `FileSystem+Topic.swift` extensions.
public enum FileSystem {
  /// The whole file as bytes, or nil when it cannot be opened or read.
  public static func readBytes(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    // sysfs and procfs files report a size of 4096 or 0 whatever they hold: read them until EOF in pages.
    let hint = fstat(fd, &info) == 0 && info.st_size > 0 ? Int(info.st_size) : 4096
    var result = [UInt8](repeating: 0, count: hint + 1)
    var used = 0
    while true {
      if used == result.count { result.append(contentsOf: repeatElement(0, count: max(4096, result.count))) }
      let count = result.withUnsafeMutableBytes { read(fd, $0.baseAddress! + used, $0.count - used) }
      if count < 0 && errno == EINTR { continue }
      if count < 0 { return nil }
      if count == 0 { break }
      used += count
    }
    result.removeSubrange(used...)
    return result
  }

  /// The whole file decoded as UTF-8 (invalid bytes repaired), or nil when unreadable.
  public static func readText(_ path: String) -> String? {
    readBytes(path).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Writes `text` to `path` through a temporary file and `rename(2)`, so readers never see half a file and a
  /// crash of this process leaves the old or the new content. `durable` also `fsync`s before the rename, so the
  /// content survives a power loss; it costs milliseconds per call. The temporary is made by `mkstemp(3)` in the
  /// target's directory (a fresh name, `O_EXCL`: a file or link planted there is never opened), and takes an
  /// existing target's mode and owner (a 0600 file stays 0600); a new file is 0644.
  @discardableResult
  public static func writeAtomically(_ path: String, _ text: String, durable: Bool = true) -> Bool {
    var template = Array((path + ".tmp-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { return false }
    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    let temporary = String(cString: template)
    var ok = keepMode(of: path, on: fd) && writeAll(fd, Array(text.utf8))
    if durable { ok = fsync(fd) == 0 && ok }
    close(fd)
    guard ok, rename(temporary, path) == 0 else {
      unlink(temporary)
      return false
    }
    return true
  }

  /// Gives `fd` the mode and owner of the existing (non-link) file at `path`, or 0644 when there is none.
  private static func keepMode(of path: String, on fd: Int32) -> Bool {
    var info = stat()
    guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return fchmod(fd, 0o644) == 0 }
    if info.st_uid != geteuid() || info.st_gid != getegid() { _ = fchown(fd, info.st_uid, info.st_gid) }
    return fchmod(fd, info.st_mode & 0o7777) == 0
  }

  /// Writes `text` to `path`, replacing it (not atomic).
  @discardableResult
  public static func write(_ path: String, _ text: String, mode: mode_t = 0o644) -> Bool {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return writeAll(fd, Array(text.utf8))
  }

  private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { return false }
      offset += count
    }
    return true
  }

  /// Entries of a directory (without `.` and `..`), unsorted; nil when it cannot be opened.
  public static func list(_ path: String) -> [String]? {
    guard let dir = opendir(path) else { return nil }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// The kind of a path, following symlinks unless `follow` is false.
  public enum Kind: Sendable { case file, directory, symlink, other }

  /// The kind of `path`, or nil when it does not exist.
  public static func kind(_ path: String, follow: Bool = true) -> Kind? {
    var info = stat()
    let status = follow ? stat(path, &info) : lstat(path, &info)
    guard status == 0 else { return nil }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .directory
    case S_IFLNK: return .symlink
    default: return .other
    }
  }

  /// True when `path` exists (following symlinks).
  public static func exists(_ path: String) -> Bool { kind(path) != nil }

  /// True when `path` is a directory (following symlinks).
  public static func isDirectory(_ path: String) -> Bool { kind(path) == .directory }

  /// The target of the symlink at `path`, or nil.
  public static func readLink(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink(path, &buffer, buffer.count - 1)
    guard count >= 0 else { return nil }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The canonical absolute path (symlinks resolved), or nil when it does not exist.
  public static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// The current working directory.
  public static func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    return String(cString: buffer)
  }

  /// Creates `path` and its missing parents; true when it exists afterwards.
  @discardableResult
  public static func makeDirectories(_ path: String, mode: mode_t = 0o755) -> Bool {
    if isDirectory(path) { return true }
    let parent = Path.dirname(path)
    if parent != path && !parent.isEmpty && !isDirectory(parent) { makeDirectories(parent, mode: mode) }
    return mkdir(path, mode) == 0 || isDirectory(path)
  }

  /// Removes `path` recursively (files, links, directories); true when it is gone.
  @discardableResult
  public static func removeTree(_ path: String) -> Bool {
    if kind(path, follow: false) == .directory {
      for name in list(path) ?? [] { removeTree(path + "/" + name) }
      return rmdir(path) == 0
    }
    return unlink(path) == 0 || kind(path, follow: false) == nil
  }
}

/// String path helpers (POSIX semantics, no normalisation beyond what is stated).
public enum Path {
  /// `a/b` joined with `c` (an absolute `c` wins).
  public static func join(_ base: String, _ component: String) -> String {
    if component.hasPrefix("/") || base.isEmpty { return component }
    return base.hasSuffix("/") ? base + component : base + "/" + component
  }

  /// The directory part (`/a/b` → `/a`, `b` → `.`, `/a` → `/`).
  public static func dirname(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    if slash == path.startIndex { return "/" }
    return String(path[..<slash])
  }

  /// The last component.
  public static func basename(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  /// `path` made absolute against the current directory.
  public static func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : join(FileSystem.currentDirectory(), path)
  }
}
