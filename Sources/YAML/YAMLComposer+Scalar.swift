/// Scalar construction: implicit resolution for plain scalars, explicit `!!` tags otherwise.
extension YAMLComposer {
  static let core = "tag:yaml.org,2002:"

  /// The node for a scalar event (the next child of the innermost open collection; its construction-order key
  /// is only computed for a failure).
  mutating func scalar(_ event: YAMLEvent) -> BuiltNode {
    expanded += 1
    var node = BuiltNode(node: YAMLNode(.string(event.value), at: location(event.start)), kind: .scalar)
    let result: Result<YAMLValue, ConstructorFailure>
    if let tag = event.tag, tag != "!" {
      result = construct(tag: tag, text: event.value)
      if tag == Self.core + "merge" { node.special = .merge }
      if tag == Self.core + "value" { node.special = .value }
    } else if event.plainImplicit {
      result = resolveImplicitly(event.value, into: &node)
    } else {
      return node
    }
    switch result {
    case .success(let value):
      node.node.value = value
      return node
    case .failure(let error): return fail(error.message, at: event.start, order: nextChildOrder())
    }
  }

  /// A plain scalar under ruamel's YAML 1.2 implicit resolver.
  private func resolveImplicitly(_ text: String, into node: inout BuiltNode) -> Result<YAMLValue, ConstructorFailure> {
    switch ScalarResolver.resolve(text) {
    case .string: return .success(.string(text))
    case .null: return .success(.null)
    case .bool:
      let first = text.utf8.first
      return .success(.bool(first == UInt8(ascii: "t") || first == UInt8(ascii: "T")))
    case .merge:
      node.special = .merge
      return .success(.string(text))
    case .value:
      node.special = .value
      return .success(.string(text))
    case .int: return ScalarConstructor.int(text).map { .int($0) }
    case .float: return ScalarConstructor.float(text).map { .float($0) }
    case .timestamp: return TimestampParser.parse(text).map { .timestamp($0.isoformat) }
    }
  }

  /// Constructs `text` under an explicit (or resolved) tag; ruamel's messages on failure.
  func construct(tag: String, text: String) -> Result<YAMLValue, ConstructorFailure> {
    guard tag.hasPrefix(Self.core) else { return .failure(Self.noConstructor(tag)) }
    switch tag.dropFirst(Self.core.count) {
    case "str", "merge", "value": return .success(.string(text))
    case "null": return .success(.null)
    case "bool": return ScalarConstructor.bool(text).map { .bool($0) }
    case "int": return ScalarConstructor.int(text).map { .int($0) }
    case "float": return ScalarConstructor.float(text).map { .float($0) }
    case "binary": return Base64Decoder.decode(text).map { .binary($0) }
    case "timestamp": return TimestampParser.parse(text).map { .timestamp($0.isoformat) }
    case "seq", "pairs": return .failure(ConstructorFailure(message: "expected a sequence node, but found scalar"))
    case "omap":
      return .failure(
        ConstructorFailure(message: "expected a sequence, but found scalar (while constructing an ordered map)"))
    case "map", "set": return .failure(ConstructorFailure(message: "expected a mapping node, but found scalar"))
    default: return .failure(Self.noConstructor(tag))
    }
  }

  static func noConstructor(_ tag: String) -> ConstructorFailure {
    ConstructorFailure(message: "could not determine a constructor for the tag '\(tag)'")
  }
}
