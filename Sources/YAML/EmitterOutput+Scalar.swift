/// Scalars and keys for `YAMLEmitter`.
extension EmitterOutput {
  /// A scalar (or an empty collection) on the current line; continuation lines at `indent`.
  /// Returns true when it was written in plain style (a document holding only that needs `...`).
  @discardableResult
  mutating func scalarOrEmpty(_ value: YAMLValue, indent: Int, isKey: Bool = false) -> Bool {
    switch value {
    case .null: text += "null"
    case .bool(let flag): text += flag ? "true" : "false"
    case .int(let number): text += String(number)
    case .float(let number): text += Self.float(number)
    case .timestamp(let iso): text += iso.replacing("T", with: " ", maxReplacements: 1)
    case .binary(let bytes): binary(bytes, indent: indent, isKey: isKey)
    case .string(let string): return self.string(string, indent: indent, isKey: isKey)
    case .sequence: text += "[]"
    case .mapping: text += "{}"
    case .set: text += "!!set {}"
    }
    switch value {
    case .null, .bool, .int, .float, .timestamp: return true
    default: return false
    }
  }

  /// ruamel's float representation: `1.0`, `6.02e+23`, `1.0e-05`, `.inf`, `-.inf`, `.nan`.
  static func float(_ number: Double) -> String {
    if number.isNaN { return ".nan" }
    if number.isInfinite { return number < 0 ? "-.inf" : ".inf" }
    let repr = PythonFloat.repr(number)
    if !repr.contains("."), let e = repr.firstIndex(of: "e") { return repr[..<e] + ".0" + repr[e...] }
    return repr
  }

  /// `!!binary |` with `base64.encodebytes` lines (76 characters), as ruamel represents bytes.
  private mutating func binary(_ bytes: [UInt8], indent: Int, isKey: Bool) {
    let encoded = Base64Encoder.encode(bytes)
    guard !encoded.isEmpty, !isKey else {
      text += "!!binary \"" + encoded + "\""
      return
    }
    text += "!!binary |"
    var rest = Substring(encoded)
    while !rest.isEmpty {
      text += "\n" + String(repeating: " ", count: max(indent, 2)) + rest.prefix(76)
      rest = rest.dropFirst(76)
    }
  }

  /// A mapping key followed by `:`; a sequence key as a `? ` complex key, as libyaml writes it.
  mutating func key(_ key: YAMLValue, indent: Int) {
    switch key {
    case .string(let string) where profile.quoting == .pyyaml11: text += PyYAMLScalar.text(string)
    case .string(let string) where string.utf8.count > 1000:
      text += "? "
      doubleQuoted(string, indent: indent + 2, allowBreaks: false)
      text += "\n" + String(repeating: " ", count: indent)
    case .sequence(let items) where !items.isEmpty:
      text += "? "
      sequence(items, indent: indent + 2, inline: true)
      text += String(repeating: " ", count: indent)
    default: scalarOrEmpty(key, indent: indent + 2, isKey: true)
    }
    text += ":"
  }

  /// A string: plain when it reads back as the same string, else a literal block for multi-line text,
  /// else single quotes, else double quotes. Values (not keys) fold at spaces past column 80 as libyaml does.
  /// The PyYAML 1.1 profile quotes by `PyYAMLScalar` instead. Returns true for plain style.
  mutating func string(_ string: String, indent: Int, isKey: Bool) -> Bool {
    if profile.quoting == .pyyaml11 {
      text += PyYAMLScalar.text(string)
      return PyYAMLScalar.isPlain(string)
    }
    let analysis = ScalarStyleAnalysis(string)
    if analysis.allowPlain && ScalarResolver.resolve(string) == .string {
      plain(string, indent: indent, allowBreaks: !isKey)
      return true
    }
    if analysis.multiline && analysis.allowBlock && !isKey && profile.literalBlocks {
      literal(string, indent: indent)
    } else if analysis.allowSingleQuoted && !(isKey && analysis.multiline) {
      singleQuoted(string, indent: indent, allowBreaks: !isKey)
    } else {
      doubleQuoted(string, indent: indent, allowBreaks: !isKey)
    }
    return false
  }

  /// `|`, `|-` or `|+` with the lines at `indent`.
  private mutating func literal(_ string: String, indent: Int) {
    var body = Substring(string)
    var trailing = 0
    while body.last == "\n" {
      body = body.dropLast()
      trailing += 1
    }
    text += trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+"
    for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
      text += "\n"
      if !line.isEmpty { text += String(repeating: " ", count: max(indent, 2)) + line }
    }
    text += String(repeating: "\n", count: max(trailing - 1, 0))
  }
}
