import FMF
import Glibc
import HPCBasics
import Testing

/// The directory walk reads each directory once and asks `lstat` only about entries that `readdir` does not
/// report as plain directories; what it grows must stay fmf's: sub-trees (a `.fmf` directory, or a symlink to
/// one) are skipped, a `.fmf` file is not a sub-tree, a symlinked directory is entered once per real path.
@Suite struct WalkTests {
  /// Builds a tree in a scratch directory: `files` (path → text), then `links` (path → target).
  private func load(files: [String: String], links: [String: String] = [:]) throws -> [String] {
    let scratch = TemporaryDirectory()
    defer { scratch.remove() }
    FileSystem.makeDirectories(scratch.path + "/.fmf")
    FileSystem.write(scratch.path + "/.fmf/version", "1\n")
    for (path, text) in files {
      FileSystem.makeDirectories(Path.dirname(scratch.path + "/" + path))
      FileSystem.write(scratch.path + "/" + path, text)
    }
    for (path, target) in links { #expect(symlink(target, scratch.path + "/" + path) == 0) }
    return try FMFLoader.load(path: scratch.path, context: []).nodes.map(\.name)
  }

  @Test func subTreesAreSkippedWhateverTheirMarkerIs() throws {
    let names = try load(
      files: [
        "a/main.fmf": "x: 1\n", "own/.fmf/version": "1\n", "own/main.fmf": "x: 2\n", "marker/.fmf": "not a tree\n",
        "marker/main.fmf": "x: 3\n", "elsewhere/main.fmf": "x: 4\n", "viaLink/main.fmf": "x: 5\n",
        "trees/.fmf/version": "1\n",
      ],
      links: ["viaLink/.fmf": "../trees/.fmf"])
    #expect(names == ["/", "/a", "/elsewhere", "/marker"])
  }

  @Test func aSymlinkedDirectoryIsEnteredOncePerRealPath() throws {
    let names = try load(
      files: ["real/main.fmf": "x: 1\n", "deep/inner/main.fmf": "y: 2\n"],
      links: ["first": "deep/inner", "second": "deep/inner", "loop": "."])
    #expect(names == ["/", "/deep", "/deep/inner", "/first", "/real"])
  }

  @Test func directoriesWithoutMetadataAreDropped() throws {
    let names = try load(files: ["empty/readme.txt": "", "a/b/c/main.fmf": "x: 1\n", "a/b/other.txt": ""])
    #expect(names == ["/", "/a", "/a/b", "/a/b/c"])
  }
}
