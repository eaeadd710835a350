import HPCBasics
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// scripts/make-fixtures regenerates exactly the committed synthetic sysroots.
@Suite struct FixtureSyncTests {
  @Test func generatedTreesMatchTheCommittedOnes() throws {
    guard system("command -v python3 >/dev/null 2>&1") == 0 else { return }
    let out = Scratch.directory("hpctest-fixtures-")
    defer { FileSystem.removeTree(out) }
    let script = Fixtures.repository + "/scripts/make-fixtures"
    try #require(system("python3 '\(script)' --out '\(out)'") == 0)
    let generated = (FileSystem.list(out) ?? []).sorted()
    #expect(generated.count >= 7, "make-fixtures wrote \(generated)")
    for name in generated {
      let committed = Fixtures.repository + "/Tests/Sysroots/" + name
      #expect(snapshot(out + "/" + name) == snapshot(committed), "\(name) is out of date: run scripts/make-fixtures")
    }
  }

  /// Relative path → file bytes, link target or directory marker.
  private func snapshot(_ root: String, _ relative: String = "") -> [String: [UInt8]] {
    let path = relative.isEmpty ? root : root + "/" + relative
    switch FileSystem.kind(path, follow: false) {
    case .symlink: return [relative: Array(("-> " + (FileSystem.readLink(path) ?? "")).utf8)]
    case .file: return [relative: FileSystem.readBytes(path) ?? []]
    case .directory:
      var result: [String: [UInt8]] = [relative: []]
      for name in FileSystem.list(path) ?? [] {
        result.merge(snapshot(root, relative.isEmpty ? name : relative + "/" + name)) { a, _ in a }
      }
      return result
    default: return [relative: Array("?".utf8)]
    }
  }
}
