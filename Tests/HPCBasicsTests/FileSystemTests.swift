import Glibc
import HPCBasics
import Testing

@Suite struct FileSystemTests {
  static func scratch() -> String {
    var template = Array("/tmp/hpcbasics-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
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
}
