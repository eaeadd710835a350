import HPCBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// One `readdir` pass that sorts entries into files and directories like Python's `os.walk`/`scandir`
/// (symlinks to directories count as directories), using `d_type` and calling `stat` only when it is not
/// conclusive: big trees hold thousands of non-metadata files.
enum FMFDirectory {
  /// One directory's entries.
  struct Entries {
    /// Names that are not directories (after following symlinks).
    var files: [String] = []
    /// Names that are directories or symlinks to directories.
    var directories: [String] = []
    /// The names among `directories` that `readdir` did not report as plain directories (symlinks, or `d_type`
    /// unknown): only these need an `lstat` to tell a symlink.
    var maybeLinks: Set<String> = []
  }

  /// The directory's entries, or nil (with `errno` set) when it cannot be opened.
  static func entries(_ path: String) -> Entries? {
    guard let handle = opendir(path) else { return nil }
    defer { closedir(handle) }
    var result = Entries()
    let prefix = path == "/" ? "/" : path + "/"
    while let entry = readdir(handle) {
      let type = Int32(entry.pointee.d_type)
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name == "." || name == ".." { continue }
      let isDirectory: Bool
      switch type {
      case Int32(DT_DIR): isDirectory = true
      case Int32(DT_REG), Int32(DT_FIFO), Int32(DT_SOCK), Int32(DT_CHR), Int32(DT_BLK): isDirectory = false
      default: isDirectory = FileSystem.isDirectory(prefix + name)  // symlink or unknown: follow it
      }
      if isDirectory { result.directories.append(name) } else { result.files.append(name) }
      if isDirectory && type != Int32(DT_DIR) { result.maybeLinks.insert(name) }
    }
    return result
  }
}
