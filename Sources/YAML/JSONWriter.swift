import HPCBasics

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
  public func quote(_ text: String) -> String { JSON.quote(text, ascii: ensureASCII) }

  /// The JSON text of `value` (no trailing newline), written by HPCBasics' `JSON` renderer.
  public func string(_ value: YAMLValue) -> String {
    let format = JSON.Format(indent: indent, sortKeys: sortKeys, ensureASCII: ensureASCII)
    return JSONOutput(conformanceTags: conformanceTags).json(value).text(format)
  }

  /// The JSON text of `node`'s value.
  public func string(_ node: YAMLNode) -> String { string(node.value) }
}

/// Converts loaded YAML values to HPCBasics' `JSON` for `JSONWriter`: Python's `json.dumps` conversions, or the
/// conformance dump's tags.
struct JSONOutput {
  /// Tag non-JSON values and keys like the conformance dump.
  let conformanceTags: Bool

  func json(_ value: YAMLValue) -> JSON {
    switch value {
    case .null: .null
    case .bool(let flag): .bool(flag)
    case .int(let number): .number(String(number))
    case .float(let number): float(number)
    case .string(let string): .string(string)
    case .timestamp(let iso): conformanceTags ? tagged("!!timestamp", iso) : .string(iso)
    case .binary(let bytes):
      conformanceTags ? tagged("!!binary", Base64Encoder.encode(bytes)) : .string(Base64Encoder.encode(bytes))
    case .sequence(let items): .array(items.map { json($0.value) })
    case .set(let items) where conformanceTags:
      tagged("!!set", .array(items.map(\.value).sorted(by: JSONOutput.canonicalOrder).map(json)))
    case .set(let items): .array(items.map { json($0.value) })
    case .mapping(let pairs): .object(pairs.map { (key($0.key.value), json($0.value.value)) })
    }
  }

  private func float(_ number: Double) -> JSON {
    if number.isFinite { return .number(PythonFloat.repr(number)) }
    if conformanceTags { return tagged("!!float", number.isNaN ? ".nan" : number < 0 ? "-.inf" : ".inf") }
    return .number(number.isNaN ? "NaN" : number < 0 ? "-Infinity" : "Infinity")
  }

  private func tagged(_ tag: String, _ payload: String) -> JSON { tagged(tag, .string(payload)) }

  private func tagged(_ tag: String, _ payload: JSON) -> JSON { .object([(tag, payload)]) }
}
