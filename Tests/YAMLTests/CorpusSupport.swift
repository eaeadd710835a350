import HPCBasics
import YAML

/// Paths and helpers for the conformance corpus copied under Tests/Conformance.
enum Corpus {
  /// The repository root, derived from this file's path.
  static let root: String = {
    var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
  }()

  /// The directory of a corpus tree.
  static func tree(_ name: String) -> String { root + "/Tests/Conformance/corpus/" + name }

  /// The parsed expected dump of a tree under context 0.
  static func expected(_ name: String) throws -> YAMLNode? {
    let path = root + "/Tests/Conformance/expected/" + name + "@0.json"
    guard let bytes = FileSystem.readBytes(path) else { return nil }
    return try YAMLParser.parse(bytes, file: path)
  }

  /// The file names (not hidden) ending in `.fmf` directly inside `directory`, sorted.
  static func fmfFiles(in directory: String) -> [String] {
    (FileSystem.list(directory) ?? []).filter { $0.hasSuffix(".fmf") && !$0.hasPrefix(".") }.sorted()
  }

  /// Every `.fmf` file below the corpus, as paths.
  static func allFMFFiles() -> [String] {
    var result: [String] = []
    var pending = [root + "/Tests/Conformance/corpus"]
    while let directory = pending.popLast() {
      for name in FileSystem.list(directory) ?? [] {
        let path = directory + "/" + name
        if FileSystem.isDirectory(path) {
          pending.append(path)
        } else if name.hasSuffix(".fmf") {
          result.append(path)
        }
      }
    }
    return result.sorted()
  }
}
