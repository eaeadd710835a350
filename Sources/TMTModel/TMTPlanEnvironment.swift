public import HPCBasics
public import YAML

/// A plan's environment as tmt builds it at load time, and tmt's `$VAR` / `$@dim` expansion of plan data.
package enum TMTPlanEnvironment {
  /// Reads `environment-file` entries (relative to `root`), then `environment`, then `cli`, then `TMT_VERSION`.
  package static func resolve(
    reader: TMTFieldReader, files: [String], root: String, cli: [(String, String)]
  ) throws(Diagnostic) -> [(String, String)] {
    var result: [(String, String)] = []
    for file in files {
      for pair in try TMTEnvironmentFile.read(file, root: root, reader: reader) { put(&result, pair) }
    }
    for pair in try dictionary(reader) { put(&result, pair) }
    for pair in cli { put(&result, pair) }
    put(&result, ("TMT_VERSION", TMTPlan.tmtVersion))
    return result
  }

  /// `normalize_string_dict` of `environment`: a mapping (keys and values `str().strip()`-ed) or `K=V` strings.
  private static func dictionary(_ reader: TMTFieldReader) throws(Diagnostic) -> [(String, String)] {
    guard let value = reader.raw("environment"), value.isTruthy else { return [] }
    if let entries = value.entries {
      return entries.map { (PythonText.str($0.key).strippingWhitespace, PythonText.str($0.value).strippingWhitespace) }
    }
    guard let items = value.items else {
      throw reader.normalization(reader.address("environment"), value, "a dictionary or a list of KEY=VALUE strings")
    }
    var result: [(String, String)] = []
    for item in items {
      guard let text = item.string, let equals = text.firstIndex(of: "=") else {
        throw reader.normalization(reader.address("environment"), item, "a KEY=VALUE string")
      }
      result.append(
        (String(text[..<equals]).strippingWhitespace, String(text[text.index(after: equals)...]).strippingWhitespace))
    }
    return result
  }

  /// Sets `pair.0` (a later value replaces an earlier one in place, like a Python dict update).
  package static func put(_ result: inout [(String, String)], _ pair: (String, String)) {
    if let index = result.firstIndex(where: { $0.0 == pair.0 }) {
      result[index].1 = pair.1
    } else {
      result.append(pair)
    }
  }

  /// tmt's `expand_node_data`: every string split on `$`; `$VAR`/`${VAR}` from `environment`, `$@dim`/`$@{dim}`
  /// from `context` (values joined by `,`); unknown names stay verbatim.
  package static func expand(_ node: YAMLNode, environment: [(String, String)], context: [(String, [String])])
    -> YAMLNode
  {
    let variables = Dictionary(environment, uniquingKeysWith: { _, last in last })
    let dimensions = Dictionary(context.map { ($0.0, $0.1.joined(separator: ",")) }, uniquingKeysWith: { _, l in l })
    return expand(node, variables, dimensions)
  }

  private static func expand(_ node: YAMLNode, _ variables: [String: String], _ dimensions: [String: String])
    -> YAMLNode
  {
    switch node.value {
    case .string(let text): return YAMLNode(.string(expandText(text, variables, dimensions)), at: node.location)
    case .sequence(let items):
      return YAMLNode(.sequence(items.map { expand($0, variables, dimensions) }), at: node.location)
    case .mapping(let pairs):
      return YAMLNode(
        .mapping(pairs.map { YAMLPair(key: $0.key, value: expand($0.value, variables, dimensions)) }), at: node.location
      )
    default: return node
    }
  }

  /// One string.
  package static func expandText(_ text: String, _ variables: [String: String], _ dimensions: [String: String])
    -> String
  {
    guard text.contains("$") else { return text }
    var parts = text.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
    let first = parts.removeFirst()
    var out = first
    for part in parts {
      if part.hasPrefix("@") {
        let expanded = expandVars("$" + part.dropFirst(), dimensions)
        out += expanded.hasPrefix("$") ? "$" + part : expanded
      } else {
        out += expandVars("$" + part, variables)
      }
    }
    return out
  }

  /// Python's `os.path.expandvars` (posix) over `values`: `$name` (ASCII `\w+`) or `${...}`; unknown kept.
  package static func expandVars(_ text: String, _ values: [String: String]) -> String {
    guard text.contains("$") else { return text }
    var out = ""
    var rest = Substring(text)
    while let dollar = rest.firstIndex(of: "$") {
      out += rest[..<dollar]
      let after = rest[rest.index(after: dollar)...]
      var name: Substring
      var consumed: Int
      if after.first == "{", let close = after.firstIndex(of: "}") {
        name = after[after.index(after: after.startIndex)..<close]
        consumed = name.count + 2
      } else {
        name = after.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        consumed = name.count
      }
      if consumed == 0 {
        out += "$"
        rest = after
        continue
      }
      let end = after.index(after.startIndex, offsetBy: consumed)
      if let value = values[String(name)] { out += value } else { out += "$" + after[..<end] }
      rest = after[end...]
    }
    return out + rest
  }
}

extension String {
  /// Python's `str.strip()` (whitespace at both ends).
  package var strippingWhitespace: String {
    var slice = Substring(self)
    while let first = slice.first, first.isWhitespace { slice.removeFirst() }
    while let last = slice.last, last.isWhitespace { slice.removeLast() }
    return String(slice)
  }
}
