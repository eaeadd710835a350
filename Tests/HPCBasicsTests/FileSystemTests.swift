import Glibc
import HPCBasics
import TestSupport
import Testing

@Suite struct FileSystemTests {
  static func scratch() -> String {
    Scratch.directory("hpcbasics-")
  }

  @Test func readsEmptySmallAndLargeFilesWhole() {
    let directory = Self.scratch()
    defer { FileSystem.removeTree(directory) }
    let large = String(repeating: "0123456789abcdef", count: 20_000)
    for (name, text) in [("empty", ""), ("small", "16.0 GT/s PCIe\n"), ("large", large)] {
      #expect(FileSystem.write(directory + "/" + name, text))
      #expect(FileSystem.readText(directory + "/" + name) == text)
    }
    #expect(FileSystem.readBytes(directory + "/missing") == nil)
  }

  @Test func readsProcfsFilesThatReportNoSize() {
    let text = FileSystem.readText("/proc/self/status") ?? ""
    #expect(text.contains("Name:"))
  }

  @Test func atomicWriteReplacesTheFile() {
    let directory = Self.scratch()
    defer { FileSystem.removeTree(directory) }
    #expect(FileSystem.writeAtomically(directory + "/results.yaml", "- a\n"))
    #expect(FileSystem.writeAtomically(directory + "/results.yaml", "- b\n"))
    #expect(FileSystem.readText(directory + "/results.yaml") == "- b\n")
    #expect(FileSystem.list(directory) == ["results.yaml"])
  }

  /// Parts of any size (empty, small, larger than the 64 kB buffer) make the file their concatenation; the file
  /// keeps an existing file's mode, and no temporary stays behind.
  @Test(arguments: [
    [0], [1, 0, 3], [65_535, 1, 2], [65_536], [200_000, 7, 70_000, 0, 5], Array(repeating: 999, count: 300),
  ])
  func partsWriteTheirConcatenation(sizes: [Int]) {
    let directory = Self.scratch()
    defer { FileSystem.removeTree(directory) }
    let path = directory + "/results.yaml"
    #expect(FileSystem.write(path, "old\n", mode: 0o600))
    let parts = sizes.enumerated().map { String(repeating: String($0.offset % 10), count: $0.element) }
    #expect(FileSystem.writeAtomically(path, durable: false) { write in parts.forEach(write) })
    #expect(FileSystem.readText(path) == parts.joined())
    #expect(FileSystem.kind(path, follow: false) == .file)
    var info = stat()
    #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
    #expect(FileSystem.list(directory) == ["results.yaml"])
  }
}
