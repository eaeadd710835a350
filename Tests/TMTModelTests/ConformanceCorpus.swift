import FMF
import HPCBasics
import TMTModel
import YAML

/// The shared conformance corpus (Tests/Conformance): manifest rows and expected documents.
enum ConformanceCorpus {
  /// `Tests/Conformance`, found from this file's path.
  static let directory = Path.dirname(Path.dirname(#filePath)) + "/Conformance"

  /// One manifest row: a tree and the context it was dumped under.
  struct Row: CustomStringConvertible {
    var tree: String
    var contextID: String
    var context: FMFContext

    /// `tree@ctx`, as the expected file is named.
    var description: String { "\(tree)@\(contextID)" }
    /// The expected document's path.
    var expectedPath: String {
      ConformanceCorpus.directory + "/expected/" + tree.replacing("/", with: "__") + "@" + contextID + ".json"
    }
    /// The tree directory as dumped.
    var treePath: String { ConformanceCorpus.directory + "/corpus/" + tree }
  }

  /// Rows of `MANIFEST.hw.tsv` and `MANIFEST.sdist.tsv`.
  static func rows() -> [Row] {
    ["hw", "sdist"].flatMap { name -> [Row] in
      let text = FileSystem.readText(directory + "/corpus/MANIFEST.\(name).tsv") ?? ""
      return text.split(separator: "\n").compactMap { line -> Row? in
        guard !line.hasPrefix("#") else { return nil }
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 2 else { return nil }
        let specs = fields.count > 2 ? fields[2].split(separator: " ").map(String.init) : []
        let context: FMFContext = specs.compactMap { spec in
          guard let equals = spec.firstIndex(of: "=") else { return nil }
          return (String(spec[..<equals]), spec[spec.index(after: equals)...].split(separator: ",").map(String.init))
        }
        return Row(tree: fields[0], contextID: fields[1], context: context)
      }
    }
  }

  /// The expected document of `row`.
  static func expected(_ row: Row) throws -> YAMLNode {
    guard let bytes = FileSystem.readBytes(row.expectedPath) else {
      throw Diagnostic.error("missing expected file", at: SourceLocation(file: row.expectedPath))
    }
    guard let node = try YAMLParser.parse(bytes, file: row.expectedPath) else {
      throw Diagnostic.error("empty expected file", at: SourceLocation(file: row.expectedPath))
    }
    return node
  }

  /// The fmf root of a dumped tree: the nearest directory at or above it holding `.fmf`.
  static func root(of path: String) -> String {
    var current = FileSystem.realPath(path) ?? path
    while current != "/" {
      if FileSystem.isDirectory(current + "/.fmf") { return current }
      current = Path.dirname(current)
    }
    return path
  }
}

/// The dump's canonical form, so hpctest's values compare with the reference's.
enum Canon {
  /// Keys sorted, locations dropped, the root replaced in strings (`root/x` → `x`, `root` → `.`).
  static func canonical(_ node: YAMLNode, root: String) -> YAMLNode {
    switch node.value {
    case .string(let text):
      return YAMLNode(.string(text.replacing(root + "/", with: "").replacing(root, with: ".")))
    case .sequence(let items): return YAMLNode(.sequence(items.map { canonical($0, root: root) }))
    case .mapping(let pairs):
      let sorted = pairs.map { YAMLPair(key: canonical($0.key, root: root), value: canonical($0.value, root: root)) }
        .sorted { keyText($0.key).unicodeScalars.lexicographicallyPrecedes(keyText($1.key).unicodeScalars) }
      return YAMLNode(.mapping(sorted))
    default: return YAMLNode(node.value)
    }
  }

  private static func keyText(_ node: YAMLNode) -> String {
    if case .string(let text) = node.value { return text }
    return "\(node.value)"
  }

  /// Undoes the dump's tags (`{"!!timestamp": x}`, `"!!int 1"` keys, ...) to get loader-like values back.
  static func untag(_ node: YAMLNode) -> YAMLNode {
    switch node.value {
    case .sequence(let items): return YAMLNode(.sequence(items.map(untag)))
    case .mapping(let pairs):
      if pairs.count == 1, case .string(let tag) = pairs[0].key.value, tag.hasPrefix("!!") {
        let inner = pairs[0].value
        switch (tag, inner.value) {
        case ("!!timestamp", .string(let text)): return YAMLNode(.timestamp(text))
        case ("!!float", .string(let text)):
          return YAMLNode(.float(text == ".nan" ? .nan : text == "-.inf" ? -.infinity : .infinity))
        case ("!!set", .sequence(let items)): return YAMLNode(.set(items.map(untag)))
        default: break
        }
      }
      return YAMLNode(.mapping(pairs.map { YAMLPair(key: untagKey($0.key), value: untag($0.value)) }))
    default: return YAMLNode(node.value)
    }
  }

  private static func untagKey(_ node: YAMLNode) -> YAMLNode {
    guard case .string(let text) = node.value, text.hasPrefix("!!") else { return YAMLNode(node.value) }
    if text == "!!null" { return YAMLNode(.null) }
    if text.hasPrefix("!!int "), let value = Int(text.dropFirst(6)) { return YAMLNode(.int(value)) }
    if text.hasPrefix("!!bool ") { return YAMLNode(.bool(text.hasSuffix("true"))) }
    if text.hasPrefix("!!float "), let value = Double(text.dropFirst(8)) { return YAMLNode(.float(value)) }
    return YAMLNode(node.value)
  }
}
