import FMF
import HPCBasics
import TMTModel
import YAML

/// A YAML value written as a Swift literal (dictionaries keep their order).
enum Y: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  case node(YAMLNode)

  init(stringLiteral value: String) { self = .node(YAMLNode(.string(value))) }
  init(integerLiteral value: Int) { self = .node(YAMLNode(.int(value))) }
  init(floatLiteral value: Double) { self = .node(YAMLNode(.float(value))) }
  init(booleanLiteral value: Bool) { self = .node(YAMLNode(.bool(value))) }
  init(nilLiteral: ()) { self = .node(YAMLNode(.null)) }
  init(arrayLiteral elements: Y...) { self = .node(YAMLNode(.sequence(elements.map(\.yaml)))) }
  init(dictionaryLiteral elements: (String, Y)...) {
    self = .node(YAMLNode(.mapping(elements.map { YAMLPair(key: YAMLNode(.string($0.0)), value: $0.1.yaml) })))
  }

  /// A date (`!!timestamp`).
  static func date(_ text: String) -> Y { .node(YAMLNode(.timestamp(text))) }

  var yaml: YAMLNode {
    switch self {
    case .node(let node): node
    }
  }
}

/// Builds one-node trees for normalisation tests.
enum Trees {
  static let root = "/srv/tree"

  /// A leaf named `name` with `data`, defined in `file` (relative to the root), owning every key.
  static func node(_ name: String, _ data: Y, file: String = "main.fmf", inherited: Set<String> = []) -> FMFNode {
    let keys = Set((data.yaml.entriesForTests ?? []).compactMap(\.key.stringForTests)).subtracting(inherited)
    return FMFNode(name: name, isLeaf: true, sources: [root + "/" + file], data: data.yaml, ownKeys: keys)
  }

  static func tree(_ nodes: [FMFNode]) -> FMFTree { FMFTree(root: root, version: 1, nodes: nodes) }

  /// Normalises a test node.
  static func test(_ data: Y, name: String = "/x", file: String = "main.fmf") throws(Diagnostic) -> TMTTest {
    let node = node(name, data, file: file)
    return try TMTTest(node: node, tree: tree([node]))
  }

  /// Normalises a plan node.
  static func plan(_ data: Y, name: String = "/plans/x", context: FMFContext = []) throws(Diagnostic) -> TMTPlan {
    let node = node(name, data)
    return try TMTPlan(node: node, tree: tree([node]), context: context, environment: [])
  }

  /// The message of the error `body` throws, or nil.
  static func error(_ body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch {
      return (error as? Diagnostic)?.message ?? "\(error)"
    }
  }
}

extension YAMLNode {
  var entriesForTests: [YAMLPair]? {
    if case .mapping(let pairs) = value { return pairs }
    return nil
  }
  var stringForTests: String? {
    if case .string(let text) = value { return text }
    return nil
  }
}

/// JSON text of an export value.
func json(_ node: YAMLNode) -> String { (try? TMTJSON.render(node)) ?? "<unserialisable>" }
