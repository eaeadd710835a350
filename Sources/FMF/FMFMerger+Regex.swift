import HPCBasics
import YAML

extension FMFMerger {
  /// `key~: /pattern/replacement/` (or a list of them): `re.sub` on a string or on every string of a list.
  func substitute(_ data: inout [YAMLPair], _ key: YAMLNode, _ value: YAMLNode) throws(Diagnostic) -> Effect? {
    guard case .string(let name) = key.value, let index = Self.index(of: name, in: data) else { return nil }
    var rules: [(String, String)] = []
    for item in try iterate(value, key) { rules.append(try splitPatternReplacement(item, key)) }
    for (pattern, replacement) in rules {
      let parent = data[index].value
      switch parent.value {
      case .sequence(var items):
        for item in items.indices {
          guard case .string(let text) = items[item].value else { throw mergeError(key, "not a string") }
          let result = try python(key) { () throws(PythonError) in try regex.sub(pattern, replacement, in: text) }
          items[item].value = .string(result)
        }
        data[index].value = YAMLNode(.sequence(items), at: parent.location)
      case .string(let text):
        let result = try python(key) { () throws(PythonError) in try regex.sub(pattern, replacement, in: text) }
        data[index].value = YAMLNode(.string(result), at: parent.location)
      default:
        throw mergeError(key, "wrong type")
      }
    }
    return rules.isEmpty ? nil : .fresh
  }

  /// `key-~: pattern` (or a list): drops list items / dict keys matching `re.search`, empties a matching string.
  func minusRegex(_ data: inout [YAMLPair], _ key: YAMLNode, _ value: YAMLNode) throws(Diagnostic) -> Effect? {
    guard case .string(let name) = key.value, let index = Self.index(of: name, in: data) else { return nil }
    let parent = data[index].value
    let patterns: [YAMLNode]? = try? iterate(value, key)
    func matches(_ item: YAMLValue) throws(Diagnostic) -> Bool {
      guard let patterns else { _ = try iterate(value, key); return false }
      for pattern in patterns {
        guard case .string(let text) = pattern.value else {
          throw mergeError(key, "first argument must be string or compiled pattern")
        }
        let found = try python(key) { () throws(PythonError) in
          try regex.search(text, in: PythonValue.str(item))
        }
        if found { return true }
      }
      return false
    }
    switch parent.value {
    case .sequence(let items):
      var kept: [YAMLNode] = []
      for item in items where try !matches(item.value) { kept.append(item) }
      data[index].value = YAMLNode(.sequence(kept), at: parent.location)
      return .fresh
    case .string(let text):
      guard try matches(.string(text)) else { return nil }
      data[index].value = YAMLNode(.string(""), at: parent.location)
      return .fresh
    case .mapping(let map):
      var kept: [YAMLPair] = []
      for pair in map where try !matches(pair.key.value) { kept.append(pair) }
      data[index].value = YAMLNode(.mapping(kept), at: parent.location)
      return .inPlace(data[index].value)
    default:
      throw mergeError(key, "wrong type")
    }
  }

  /// What Python's `for v in value` yields after fmf turned a lone string into `[value]`.
  private func iterate(_ value: YAMLNode, _ key: YAMLNode) throws(Diagnostic) -> [YAMLNode] {
    switch value.value {
    case .string: return [value]
    case .sequence(let items), .set(let items): return items
    case .mapping(let pairs): return pairs.map(\.key)
    default: throw mergeError(key, "'\(PythonValue.typeName(value.value))' object is not iterable")
    }
  }

  /// fmf's `split_pattern_replacement`: `<d>pattern<d>replacement<d>`, no escaping.
  private func splitPatternReplacement(_ item: YAMLNode, _ key: YAMLNode) throws(Diagnostic) -> (String, String) {
    guard case .string(let source) = item.value else {
      throw mergeError(key, "'\(PythonValue.typeName(item.value))' object is not subscriptable")
    }
    let location = item.location ?? key.location
    let scalars = Array(source.unicodeScalars)
    guard let delimiter = scalars.first else {
      throw Diagnostic.error("'\(source)' has to start and end with the same delimiter.", at: location)
    }
    guard scalars.last == delimiter else {
      throw Diagnostic.error("'\(source)' has to end with '\(delimiter)'.", at: location)
    }
    let inner = scalars.count > 1 ? scalars[1..<(scalars.count - 1)] : []
    let parts = inner.split(separator: delimiter, omittingEmptySubsequences: false)
    guard parts.count == 2 else { throw Diagnostic.error("'\(source)' can't be split in two parts", at: location) }
    guard !parts[0].isEmpty else { throw Diagnostic.error("Pattern cannot be empty: '\(source)'.", at: location) }
    return (String(String.UnicodeScalarView(parts[0])), String(String.UnicodeScalarView(parts[1])))
  }
}
