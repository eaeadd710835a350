public import HPCBasics
public import YAML

/// tmt's `require`/`recommend` normalisation (`normalize_require`, `dependency_factory`, `to_minimal_spec`).
package enum TMTRequire {
  /// Normalises the value of `key`; nil or null → [].
  package static func normalize(_ key: String, reader: TMTFieldReader) throws(Diagnostic) -> [YAMLNode] {
    guard let value = reader.raw(key), !value.isNull else { return [] }
    switch value.value {
    case .string, .mapping: return [try dependency(value, key: key, reader: reader)]
    case .sequence(let items):
      var result: [YAMLNode] = []
      for item in items { result.append(try dependency(item, key: key, reader: reader)) }
      return result
    default:
      throw reader.normalization(
        reader.address(key), value, "a string, a library, a file or a list of their combinations")
    }
  }

  /// One dependency: a string, a library fmf id, or a file pattern.
  private static func dependency(_ item: YAMLNode, key: String, reader: TMTFieldReader) throws(Diagnostic)
    -> YAMLNode
  {
    if item.entries != nil {
      let type = item[key: "type"] ?? .text("library")
      if type.string == "library" { return try library(item, key: key, reader: reader) }
      if type.string == "file" { return try file(item, key: key, reader: reader) }
    }
    guard let text = item.string else {
      throw reader.error(
        "AssertionError (a requirement must be a string, a library or a file)", key: key,
        at: item)
    }
    return .text(text)
  }

  /// `DependencyFmfId.from_spec(...).to_minimal_spec()`.
  private static func library(_ item: YAMLNode, key: String, reader: TMTFieldReader) throws(Diagnostic)
    -> YAMLNode
  {
    if let ref = item[key: "ref"], !ref.isNull, ref.string == nil {
      throw reader.normalization("ref", ref, "unset or a string")
    }
    var pairs: [(String, YAMLNode)] = []
    for name in ["url", "ref", "path", "name", "destination", "nick"] {
      guard let value = item[key: name], !value.isNull else { continue }
      let text = PythonText.str(value)
      pairs.append((name, .text(name == "path" || name == "destination" ? PythonPath.normalize(text) : text)))
    }
    pairs.append(("type", .text("library")))
    return .map(pairs)
  }

  /// `DependencyFile.from_spec(...).to_minimal_spec()`.
  private static func file(_ item: YAMLNode, key: String, reader: TMTFieldReader) throws(Diagnostic) -> YAMLNode {
    let raw = item[key: "pattern"]
    guard let raw, raw.isTruthy else {
      throw reader.error("Missing pattern for file require: \(PythonText.repr(item))", key: key, at: item)
    }
    let patterns: [YAMLNode]
    if let text = raw.string {
      patterns = [.text(text)]
    } else if let items = raw.items {
      patterns = items.map { .text(PythonText.str($0)) }
    } else {
      throw reader.error("'\(raw.pythonType)' object is not iterable", key: key, at: raw)
    }
    return .map([("type", .text("file")), ("pattern", .list(patterns))])
  }
}
