import FMF
import Glibc
import HPCBasics
import TestSupport
import Testing

/// Metadata files over the size limit are a located error before a byte is parsed (a tree of many small nodes
/// takes about 140 times its size in memory, so the limit is what bounds a hostile file).
@Suite struct InputLimitTests {
  @Test(arguments: [(4 << 20) + 1, 16 << 20, 1 << 40])
  func aMetadataFileOverTheLimitIsALocatedError(size: Int) {
    let root = Scratch.directory("fmf-limit-")
    defer { FileSystem.removeTree(root) }
    FileSystem.makeDirectories(root + "/.fmf")
    FileSystem.write(root + "/.fmf/version", "1\n")
    FileSystem.makeDirectories(root + "/sub")
    FileSystem.write(root + "/sub/main.fmf", "test: ./t.sh\n")
    #expect(truncate(root + "/sub/main.fmf", off_t(size)) == 0, "a sparse file: no disk used")
    do {
      _ = try FMFLoader.load(path: root, context: [])
      Issue.record("a \(size)-byte file was loaded")
    } catch {
      #expect(error.description.hasPrefix("sub/main.fmf: error: 'sub/main.fmf' is \(size) bytes"), "\(error)")
      #expect(error.description.contains("more than the 4 MiB"))
    }
  }
}
