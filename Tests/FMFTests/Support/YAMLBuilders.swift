import YAML

/// Short builders for YAML values in tests.
enum Y {
  static func s(_ text: String) -> YAMLNode { YAMLNode(.string(text)) }
  static func i(_ number: Int) -> YAMLNode { YAMLNode(.int(number)) }
  static func f(_ number: Double) -> YAMLNode { YAMLNode(.float(number)) }
  static func b(_ flag: Bool) -> YAMLNode { YAMLNode(.bool(flag)) }
  static let null = YAMLNode(.null)
  static func seq(_ items: YAMLNode...) -> YAMLNode { YAMLNode(.sequence(items)) }
  static func map(_ pairs: (String, YAMLNode)...) -> YAMLNode { YAMLNode(.mapping(pairs.map(pair))) }
  static func pairs(_ pairs: (String, YAMLNode)...) -> [YAMLPair] { pairs.map(pair) }
  static func pair(_ entry: (String, YAMLNode)) -> YAMLPair { YAMLPair(key: s(entry.0), value: entry.1) }
}

extension YAMLNode {
  /// The same value with every location dropped (comparisons ignore where values came from).
  var stripped: YAMLNode {
    switch value {
    case .sequence(let items): return YAMLNode(.sequence(items.map(\.stripped)))
    case .set(let items): return YAMLNode(.set(items.map(\.stripped)))
    case .mapping(let pairs):
      return YAMLNode(.mapping(pairs.map { YAMLPair(key: $0.key.stripped, value: $0.value.stripped) }))
    default: return YAMLNode(value)
    }
  }
}
