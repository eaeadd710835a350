/// Scalars and keys for `YAMLEmitter`.
extension EmitterOutput {
  /// A scalar (or an empty collection) on the current line; literal block lines at `indent`.
  mutating func scalarOrEmpty(_ value: YAMLValue, indent: Int) {
    switch value {
    case .null: text += "null"
    case .bool(let flag): text += flag ? "true" : "false"
    case .int(let number): text += String(number)
    case .float(let number): text += Self.float(number)
    case .timestamp(let iso): text += iso
    case .binary(let bytes): text += "!!binary " + Base64Encoder.encode(bytes)
    case .string(let string): self.string(string, indent: indent, isKey: false)
    case .sequence: text += "[]"
    case .mapping: text += "{}"
    case .set: text += "!!set {}"
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

  /// A mapping key followed by `:`; collections as keys are written in flow style.
  mutating func key(_ key: YAMLValue) {
    switch key {
    case .string(let string):
      if string.utf8.count > 1000 {
        text += "? "
        Self.doubleQuoted(string, into: &text)
        text += "\n"
      } else {
        self.string(string, indent: 0, isKey: true)
      }
    case .sequence(let items): flowSequence(items)
    default: scalarOrEmpty(key, indent: 0)
    }
    text += ":"
  }

  private mutating func flowSequence(_ items: [YAMLNode]) {
    text += "["
    for (index, item) in items.enumerated() {
      if index > 0 { text += ", " }
      switch item.value {
      case .string(let string): Self.doubleQuoted(string, into: &text)
      case .sequence(let nested): flowSequence(nested)
      default: scalarOrEmpty(item.value, indent: 0)
      }
    }
    text += "]"
  }

  /// A string: plain when it reads back as the same string, else a literal block for multi-line text,
  /// else single quotes, else double quotes.
  mutating func string(_ string: String, indent: Int, isKey: Bool) {
    let analysis = ScalarStyleAnalysis(string)
    if analysis.allowPlain && ScalarResolver.resolve(string) == .string {
      text += string
    } else if analysis.multiline && analysis.allowBlock && !isKey {
      literal(string, indent: indent)
    } else if analysis.allowSingleQuoted {
      text += "'" + string.replacing("'", with: "''") + "'"
    } else {
      Self.doubleQuoted(string, into: &text)
    }
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
