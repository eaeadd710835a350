#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The one path walk every write goes through: directories are opened one component at a time with
/// `openat(O_NOFOLLOW | O_DIRECTORY)`, so a symbolic link is never followed implicitly by the kernel. A link is
/// followed only when root or this user owns it (read race-free through an `O_PATH` descriptor): another user
/// cannot create a link owned by root, so a link planted in `/var/tmp` or in a shared tree makes the walk fail
/// with `ELOOP` instead of leading root's write elsewhere.
extension FileSystem {
  /// The most links one walk follows (the kernel's own limit).
  static let maximumLinks = 40

  /// Linux's `O_PATH` (`__O_PATH`, 010000000 on every architecture but alpha, parisc and sparc), which Glibc's
  /// Swift module leaves out because it needs `_GNU_SOURCE`.
  static let openPathOnly: Int32 = 0o10_000_000

  /// The directory `path` opened as a descriptor (the caller closes it), walking it as described above;
  /// `create` makes missing components with `mkdirat` and that mode. -1 with `errno` set on failure.
  /// `base`: the walk of a relative `path` starts at that open directory instead of the working directory.
  package static func openDirectory(_ path: String, create mode: mode_t? = nil, from base: Int32? = nil) -> Int32 {
    var fd =
      if let base, !path.hasPrefix("/") { fcntl(base, F_DUPFD_CLOEXEC, 0) } else {
        open(path.hasPrefix("/") ? "/" : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      }
    var pending = Array(components(path).reversed())
    var links = 0
    while fd >= 0, let name = pending.popLast() {
      let next = step(fd, name, create: mode)
      if next >= 0 {
        close(fd)
        fd = next
        continue
      }
      let reason = errno
      guard reason == ELOOP || reason == ENOTDIR, links < maximumLinks, let target = trustedLink(fd, name) else {
        close(fd)
        errno = reason
        return -1
      }
      links += 1
      if target.hasPrefix("/") {
        close(fd)
        fd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      }
      pending.append(contentsOf: components(target).reversed())
    }
    return fd
  }

  /// `name` in `fd` opened as a directory without following a link, made first when missing and `mode` is set.
  private static func step(_ fd: Int32, _ name: String, create mode: mode_t?) -> Int32 {
    let flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC
    let next = openat(fd, name, flags)
    guard next < 0, errno == ENOENT, let mode else { return next }
    guard mkdirat(fd, name, mode) == 0 || errno == EEXIST else { return -1 }
    return openat(fd, name, flags)
  }

  /// The target of the link `name` in `fd` when root or this user owns it, else nil.
  private static func trustedLink(_ fd: Int32, _ name: String) -> String? {
    let link = openat(fd, name, openPathOnly | O_NOFOLLOW | O_CLOEXEC)
    guard link >= 0 else { return nil }
    defer { close(link) }
    var info = stat()
    guard fstat(link, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, info.st_uid == 0 || info.st_uid == geteuid()
    else { return nil }
    var buffer = [CChar](repeating: 0, count: 4097)
    let count = readlinkat(link, "", &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The components of `path` that move the walk (empty ones and `.` dropped; `..` kept).
  private static func components(_ path: String) -> [String] {
    path.split(separator: "/").map(String.init).filter { $0 != "." }
  }

  /// Runs `body` with the descriptor of `path`'s directory (walked as above, made when `create` is set) and
  /// `path`'s last component; false when the directory cannot be opened or the name is empty, `.` or `..`.
  static func inParent(_ path: String, create mode: mode_t? = nil, _ body: (Int32, String) -> Bool) -> Bool {
    let name = Path.basename(path)
    guard !name.isEmpty, name != ".", name != ".." else { return false }
    let directory = openDirectory(Path.dirname(path), create: mode)
    guard directory >= 0 else { return false }
    defer { close(directory) }
    return body(directory, name)
  }

  /// A fresh `<prefix>.tmp-XXXXXX` file in `directory`, made with `O_CREAT | O_EXCL | O_NOFOLLOW` (mkstemp on a
  /// directory descriptor: nothing planted under that name is ever opened); its descriptor and name.
  static func createTemporary(in directory: Int32, prefix: String) -> (fd: Int32, name: String)? {
    for _ in 0..<100 {
      let name = temporaryName(prefix)
      let fd = openat(directory, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
      if fd >= 0 { return (fd, name) }
      if errno != EEXIST { return nil }
    }
    return nil
  }

  /// `<prefix>.tmp-` and six random letters or digits (from one 64-bit random number: one `getrandom` call).
  static func temporaryName(_ prefix: String) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    var generator = SystemRandomNumberGenerator()
    var random = generator.next()
    var name = prefix + ".tmp-"
    for _ in 0..<6 {
      name.append(alphabet[Int(random % UInt64(alphabet.count))])
      random /= UInt64(alphabet.count)
    }
    return name
  }
}
