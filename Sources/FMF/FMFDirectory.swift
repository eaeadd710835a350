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
  /// The directory's entries as (files, directories), or nil when it cannot be opened.
  static func entries(_ path: String) -> (files: [String], directories: [String])? {
    guard let handle = opendir(path) else { return nil }
    defer { closedir(handle) }
    var files: [String] = []
    var directories: [String] = []
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
      if isDirectory { directories.append(name) } else { files.append(name) }
    }
    return (files, directories)
  }
}
