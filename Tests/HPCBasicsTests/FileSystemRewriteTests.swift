import Glibc
import HPCBasics
import Testing

@Suite struct FileSystemRewriteTests {
  /// Any sequence of texts, longer and shorter, over an existing file or none: after each rewrite the file is that
  /// text followed only by newlines (never an older text's tail), the same inode, and nothing else in the directory.
  @Test(arguments: [
    ["pid: 1\nname: /a/long/test/name\n", "pid: 1\nname: /b\n", "x", ""],
    ["", "short", "a much longer text than before\n", "mid-length\n"],
  ])
  func rewritesInPlaceWithoutAnOldTail(texts: [String]) throws {
    let directory = FileSystemTests.scratch()
    defer { FileSystem.removeTree(directory) }
    #expect(FileSystem.write(directory + "/running", String(repeating: "old text\n", count: 3)))
    let folder = try #require(FileSystem.Directory(directory))
    let file = try #require(folder.rewriter("running"))
    let inode = Self.inode(directory + "/running")
    for text in texts {
      #expect(file.rewrite(text))
      let content = try #require(FileSystem.readText(directory + "/running"))
      #expect(content.hasPrefix(text))
      #expect(content.dropFirst(text.count).allSatisfy { $0 == "\n" }, "after \(text.debugDescription): \(content)")
      #expect(Self.inode(directory + "/running") == inode)
    }
    #expect(FileSystem.list(directory) == ["running"])
  }

  /// A link planted where the file goes is not followed: no rewriter, and the link's target is untouched.
  @Test func aPlantedLinkIsRefused() throws {
    let directory = FileSystemTests.scratch()
    defer { FileSystem.removeTree(directory) }
    #expect(FileSystem.write(directory + "/target", "keep\n"))
    #expect(symlink(directory + "/target", directory + "/running") == 0)
    let folder = try #require(FileSystem.Directory(directory))
    #expect(folder.rewriter("running") == nil)
    #expect(folder.rewriter("../running") == nil)
    #expect(FileSystem.readText(directory + "/target") == "keep\n")
  }

  private static func inode(_ path: String) -> UInt64? {
    var status = stat()
    return stat(path, &status) == 0 ? UInt64(status.st_ino) : nil
  }
}
