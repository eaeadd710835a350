import FMF
import HPCBasics
import Testing

/// `FMFLoader.load(bytes:file:context:)` (a metadata file given in memory, as the fuzz targets load it) gives the
/// same tree, or the same located error, as the file written as a tree root's `main.fmf` and loaded from disk.
@Suite struct MemoryLoadTests {
  static let context: FMFContext = [("distro", ["fedora-40"]), ("arch", ["x86_64"])]
  static let fuzzSeeds = Path.dirname(Path.dirname(Path.dirname(#filePath))) + "/Tests/Fuzz/fmf"

  /// Every fmf fuzz seed and every fixture tree's root `main.fmf`, as (name, bytes).
  static func inputs() -> [(String, [UInt8])] {
    var inputs: [(String, [UInt8])] = []
    for name in (FileSystem.list(fuzzSeeds) ?? []).sorted() {
      if let bytes = FileSystem.readBytes(fuzzSeeds + "/" + name) { inputs.append((name, bytes)) }
    }
    let fixtures = Path.dirname(#filePath) + "/Fixtures"
    for name in (FileSystem.list(fixtures) ?? []).sorted() {
      if let bytes = FileSystem.readBytes(fixtures + "/" + name + "/main.fmf") { inputs.append((name, bytes)) }
    }
    return inputs
  }

  /// The tree as JSON (names, leaves, data, adjust decisions; sources differ by design), or the error text.
  static func outcome(_ load: () throws(Diagnostic) -> FMFTree) -> String {
    do {
      let tree = try load()
      return tree.nodes.map { node in
        "\(node.name) \(node.isLeaf) \(Canonical.json(node.data.value)) \(node.adjustDecisions ?? [])"
      }.joined(separator: "\n")
    } catch {
      return "error: \(error)"
    }
  }

  @Test func aFileInMemoryLoadsAsTheSameFileOnDisk() throws {
    let inputs = Self.inputs()
    #expect(inputs.count >= 20, "the seeds and fixtures were found")
    let scratch = TemporaryDirectory()
    defer { scratch.remove() }
    FileSystem.makeDirectories(scratch.path + "/.fmf")
    FileSystem.write(scratch.path + "/.fmf/version", "1\n")
    var compared = 0
    for (name, bytes) in inputs {
      let memory = Self.outcome { () throws(Diagnostic) in
        try FMFLoader.load(bytes: bytes, file: "main.fmf", context: Self.context)
      }
      if memory.contains("which a tree given in memory cannot grow") { continue }  // a directory child
      TemporaryDirectory.writeBytes(scratch.path + "/main.fmf", bytes)
      let disk = Self.outcome { () throws(Diagnostic) in try FMFLoader.load(path: scratch.path, context: Self.context) }
      #expect(memory == disk, "\(name)")
      compared += 1
    }
    #expect(compared >= inputs.count - 2, "only directory children are skipped")
  }

  @Test(arguments: ["/child: sub\n", "a: 1\n/x:\n  /y: ../elsewhere\n", "/a/b: /\n"])
  func aDirectoryChildInMemoryIsALocatedError(text: String) {
    do {
      _ = try FMFLoader.load(bytes: Array(text.utf8), file: "main.fmf", context: nil)
      Issue.record("'\(text)' grew a directory")
    } catch {
      #expect(error.description.hasPrefix("main.fmf:"), "\(error)")
      #expect(error.description.contains("is a directory path"), "\(error)")
    }
  }

  @Test(arguments: [(4 << 20) + 1, 5 << 20])
  func aBufferOverTheLimitIsALocatedError(size: Int) {
    let bytes = [UInt8](repeating: UInt8(ascii: "#"), count: size)
    do {
      _ = try FMFLoader.load(bytes: bytes, file: "big.fmf", context: nil)
      Issue.record("a \(size)-byte buffer was loaded")
    } catch {
      #expect(error.description.hasPrefix("big.fmf: error: 'big.fmf' is \(size) bytes"), "\(error)")
    }
  }
}
