public import HPCBasics
public import YAML

/// tmt's `link` normalisation (`tmt.base.links`): every entry becomes `{relation: target}` (+ `note`).
package enum TMTLink {
  /// The relations tmt accepts, in tmt's order.
  package static let relations = [
    "verifies", "verified-by", "implements", "implemented-by", "documents", "documented-by", "blocks",
    "blocked-by", "duplicates", "duplicated-by", "parent", "child", "relates", "test-script",
  ]

  /// Keys of an fmf identifier.
  package static let fmfIDKeys = ["url", "ref", "path", "name"]

  /// Normalises a raw `link` value; nil or null → [].
  package static func normalize(_ value: YAMLNode?, reader: TMTFieldReader) throws(Diagnostic) -> [YAMLNode] {
    guard let value, !value.isNull else { return [] }
    let specs: [YAMLNode]
    switch value.value {
    case .string, .mapping: specs = [value]
    case .sequence(let items): specs = items
    default:
      throw reader.normalization("link", value, "a string, a fmf id or a list of their combinations")
    }
    var result: [YAMLNode] = []
    for spec in specs { result.append(try entry(spec, reader: reader)) }
    return result
  }

  /// One link entry in canonical form.
  private static func entry(_ spec: YAMLNode, reader: TMTFieldReader) throws(Diagnostic) -> YAMLNode {
    if let text = spec.string { return try fromString(text, spec: spec, reader: reader) }
    guard let entries = spec.entries else {
      throw reader.error("'\(spec.pythonType)' object has no attribute 'get'", key: "link", at: spec)
    }
    let note = spec[key: "note"]
    let relationKeys = entries.filter { entry in
      !(entry.key.string.map { fmfIDKeys.contains($0) || $0 == "note" } ?? false)
    }
    var pairs: [(String, YAMLNode)]
    if relationKeys.isEmpty {
      pairs = [("relates", try fmfID(spec, reader: reader))]
    } else {
      guard relationKeys.count == 1 else {
        let names = relationKeys.map { PythonText.str($0.key) }
        throw reader.error("Multiple relations specified for the link (\(listed(names))).", key: "link", at: spec)
      }
      let relation = PythonText.str(relationKeys[0].key)
      guard relations.contains(relation) else {
        throw reader.error(
          "Invalid link relation '\(relation)' (should be \(listed(relations, join: "or"))).", key: "link",
          at: relationKeys[0].key)
      }
      let target = relationKeys[0].value
      pairs = [(relation, target.string != nil ? target.withoutLocations : try fmfID(target, reader: reader))]
    }
    if let note { pairs.append(("note", note.withoutLocations)) }
    return .map(pairs)
  }

  /// `[relation:]target` string form.
  private static func fromString(_ text: String, spec: YAMLNode, reader: TMTFieldReader) throws(Diagnostic)
    -> YAMLNode
  {
    let firstLine = String(text.prefix { $0 != "\n" && $0 != "\r" })
    for relation in relations where firstLine.hasPrefix(relation + ":") {
      let target = String(firstLine.dropFirst(relation.count + 1))
      if !target.isEmpty { return .map([(relation, .text(target))]) }
    }
    guard !firstLine.isEmpty else {
      throw reader.error("Invalid spec '\(text)' (should be [relation:]<target>).", key: "link", at: spec)
    }
    return .map([("relates", .text(firstLine))])
  }

  /// `FmfId.from_spec(...).to_spec()`: url, ref, path, name with nulls.
  package static func fmfID(_ spec: YAMLNode, reader: TMTFieldReader) throws(Diagnostic) -> YAMLNode {
    guard spec.entries != nil else {
      throw reader.error("'\(spec.pythonType)' object has no attribute 'get'", key: "link", at: spec)
    }
    if let ref = spec[key: "ref"], !ref.isNull, ref.string == nil {
      throw reader.normalization("ref", ref, "unset or a string")
    }
    return .map(
      fmfIDKeys.map { key in
        guard let value = spec[key: key], !value.isNull else { return (key, .none) }
        if key == "path", let text = value.string { return (key, .text(PythonPath.normalize(text))) }
        return (key, value.withoutLocations)
      })
  }

  /// `fmf.utils.listed`: `a`, `a and b`, `a, b and c`.
  package static func listed(_ items: [String], join: String = "and") -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " \(join) " + items.last!
  }
}

/// `pathlib.PurePosixPath` normalisation: repeated `/` collapsed, `.` parts and a trailing `/` dropped.
package enum PythonPath {
  /// `str(Path(text))`.
  package static func normalize(_ text: String) -> String {
    guard !text.isEmpty else { return "." }
    let absolute = text.hasPrefix("/")
    let doubleRoot = text.hasPrefix("//") && !text.hasPrefix("///")
    let parts = text.split(separator: "/").filter { $0 != "." }
    let body = parts.joined(separator: "/")
    if absolute { return (doubleRoot ? "//" : "/") + body }
    return body.isEmpty ? "." : body
  }
}
