/// Python-compatible `json.dumps(value, indent=N, sort_keys=…, ensure_ascii=False)` over loaded YAML.
///
/// With `conformanceTags` values without a JSON form are tagged as `dump_reference.py`'s `canon` does
/// (`{"!!timestamp": …}`, `{"!!binary": base64}`, `{"!!set": [sorted]}`, `{"!!float": ".inf"}`, keys
/// `"!!int 1"`, `"!!bool false"`, `"!!float 2.5"`, `"!!null"`, `"!!seq [1, 2]"`). Without it, timestamps
/// are written as their text, binaries as base64 text, sets as lists, and non-finite floats as Python's
/// `NaN`/`Infinity`.
public struct JSONWriter: Sendable {
  /// Spaces per level; nil writes one line with `", "` and `": "` separators.
  public var indent: Int?
  /// Sort mapping keys by code point (Python `sort_keys=True`).
  public var sortKeys: Bool
  /// Tag non-JSON values and keys like the conformance dump.
  public var conformanceTags: Bool
  /// Escape every character outside printable ASCII as `\uXXXX` (Python `ensure_ascii=True`).
  public var ensureASCII: Bool

  /// A writer; the defaults match the conformance dump (`indent=2`, sorted, tagged).
  public init(indent: Int? = 2, sortKeys: Bool = true, conformanceTags: Bool = true, ensureASCII: Bool = false) {
    self.indent = indent
    self.sortKeys = sortKeys
    self.conformanceTags = conformanceTags
    self.ensureASCII = ensureASCII
  }

  /// `text` as a JSON string literal, escaped as `json.dumps` does (honouring `ensureASCII`).
  public func quote(_ text: String) -> String {
    var out = ""
    JSONOutput.appendQuoted(text, to: &out, ascii: ensureASCII)
    return out
  }

  /// The JSON text of `value` (no trailing newline).
  public func string(_ value: YAMLValue) -> String {
    var output = JSONOutput(writer: self)
    output.text.reserveCapacity(4096)
    output.write(value, depth: 0)
    return output.text
  }

  /// The JSON text of `node`'s value.
  public func string(_ node: YAMLNode) -> String { string(node.value) }
}

/// The growing output of one `JSONWriter.string` call.
struct JSONOutput {
  let writer: JSONWriter
  var text = ""

  mutating func write(_ value: YAMLValue, depth: Int) {
    switch value {
    case .null: text += "null"
    case .bool(let flag): text += flag ? "true" : "false"
    case .int(let number): text += String(number)
    case .float(let number): writeFloat(number, depth: depth)
    case .string(let string): writeString(string)
    case .timestamp(let iso):
      writer.conformanceTags ? writeTagged("!!timestamp", iso, depth) : writeString(iso)
    case .binary(let bytes):
      let encoded = Base64Encoder.encode(bytes)
      writer.conformanceTags ? writeTagged("!!binary", encoded, depth) : writeString(encoded)
    case .sequence(let items): writeArray(items.map(\.value), depth: depth)
    case .set(let items):
      writer.conformanceTags ? writeSet(items, depth: depth) : writeArray(items.map(\.value), depth: depth)
    case .mapping(let pairs): writeObject(pairs.map { (key($0.key.value), $0.value.value) }, depth: depth)
    }
  }

  private mutating func writeFloat(_ number: Double, depth: Int) {
    if number.isFinite {
      text += PythonFloat.repr(number)
      return
    }
    if writer.conformanceTags {
      writeTagged("!!float", number.isNaN ? ".nan" : number < 0 ? "-.inf" : ".inf", depth)
    } else {
      text += number.isNaN ? "NaN" : number < 0 ? "-Infinity" : "Infinity"
    }
  }

  private mutating func writeString(_ string: String) {
    JSONOutput.appendQuoted(string, to: &text, ascii: writer.ensureASCII)
  }

  private mutating func writeTagged(_ tag: String, _ payload: String, _ depth: Int) {
    writeObject([(tag, .string(payload))], depth: depth)
  }

  private mutating func writeSet(_ items: [YAMLNode], depth: Int) {
    let sorted = items.map(\.value).sorted(by: JSONOutput.canonicalOrder)
    writeObject([("!!set", .sequence(sorted.map { YAMLNode($0) }))], depth: depth)
  }

  mutating func newline(_ depth: Int) {
    guard let indent = writer.indent else { return }
    text.append("\n")
    text.append(String(repeating: " ", count: indent * depth))
  }

  private mutating func writeArray(_ items: [YAMLValue], depth: Int) {
    guard !items.isEmpty else {
      text += "[]"
      return
    }
    text += "["
    for (index, item) in items.enumerated() {
      if index > 0 { text += writer.indent == nil ? ", " : "," }
      newline(depth + 1)
      write(item, depth: depth + 1)
    }
    newline(depth)
    text += "]"
  }

  private mutating func writeObject(_ entries: [(String, YAMLValue)], depth: Int) {
    guard !entries.isEmpty else {
      text += "{}"
      return
    }
    let ordered = writer.sortKeys ? entries.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) } : entries
    text += "{"
    for (index, entry) in ordered.enumerated() {
      if index > 0 { text += writer.indent == nil ? ", " : "," }
      newline(depth + 1)
      writeString(entry.0)
      text += ": "
      write(entry.1, depth: depth + 1)
    }
    newline(depth)
    text += "}"
  }
}
