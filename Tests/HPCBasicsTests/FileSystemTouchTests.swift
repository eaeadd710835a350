import Glibc
import HPCBasics
import Testing

/// `Directory.touch` makes a missing file empty, keeps an existing one byte for byte, and never writes through a
/// link in the name's place.
@Suite struct FileSystemTouchTests {
  @Test(arguments: [nil, "", "earlier attempt's output\n", String(repeating: "x", count: 70_000)])
  func makesAMissingFileAndKeepsAnExistingOne(existing: String?) throws {
    let directory = FileSystemTests.scratch()
    defer { FileSystem.removeTree(directory) }
    if let existing { #expect(FileSystem.write(directory + "/output.txt", existing)) }
    let folder = try #require(FileSystem.Directory(directory))
    #expect(folder.touch("output.txt"))
    #expect(FileSystem.readText(directory + "/output.txt") == (existing ?? ""))
    #expect(FileSystem.list(directory) == ["output.txt"])
  }

  @Test func aPlantedLinkIsRefusedAndItsTargetUntouched() throws {
    let directory = FileSystemTests.scratch()
    defer { FileSystem.removeTree(directory) }
    #expect(FileSystem.write(directory + "/target", "keep\n"))
    #expect(symlink(directory + "/target", directory + "/output.txt") == 0)
    #expect(symlink(directory + "/absent", directory + "/dangling") == 0)
    let folder = try #require(FileSystem.Directory(directory))
    #expect(!folder.touch("output.txt"))
    #expect(!folder.touch("dangling"))
    #expect(!folder.touch("../output.txt"))
    #expect(FileSystem.readText(directory + "/target") == "keep\n")
    #expect(!FileSystem.exists(directory + "/absent"))
  }
}
