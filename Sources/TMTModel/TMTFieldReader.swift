public import FMF
public import HPCBasics
public import YAML

/// Reads and coerces the keys of one node the way tmt's field normalisers do, producing tmt's messages
/// located at the offending value (file:line:column) with tmt's key address (`/x:tag[0]`).
package struct TMTFieldReader {
  /// The node name (`/tests/gpu`).
  package let name: String
  /// The node being read.
  package let node: FMFNode
  /// The node's top-level entries; a short list is searched from the end (the last entry wins, as in fmf).
  private let pairs: [YAMLPair]
  /// The values by key, built only for nodes with many keys.
  private let values: [String: YAMLNode]?

  /// Creates a reader over `node`.
  package init(node: FMFNode) {
    self.name = node.name
    self.node = node
    guard case .mapping(let pairs) = node.data.value else {
      self.pairs = []
      values = nil
      return
    }
    self.pairs = pairs
    guard pairs.count > 32 else {
      values = nil
      return
    }
    var values: [String: YAMLNode] = [:]
    values.reserveCapacity(pairs.count)
    for pair in pairs {
      if case .string(let key) = pair.key.value { values[key] = pair.value }
    }
    self.values = values
  }

  /// The raw value of `key`; nil when absent.
  package func raw(_ key: String) -> YAMLNode? {
    if let values { return values[key] }
    for pair in pairs.reversed() {
      if case .string(let name) = pair.key.value, name == key { return pair.value }
    }
    return nil
  }

  /// tmt's key address, `/x:key`.
  package func address(_ key: String) -> String { "\(name):\(key)" }

  /// A diagnostic at `value` for `key`.
  package func error(_ message: String, key: String, at value: YAMLNode?) -> Diagnostic {
    Diagnostic.error(
      message, at: value?.location ?? node.sources.last.map { SourceLocation(file: $0) },
      keyPath: address(key))
  }

  /// tmt's `NormalizationError`: "Field '/x:k' must be <expected>, '<type>' found."
  package func normalization(_ address: String, _ value: YAMLNode, _ expected: String) -> Diagnostic {
    Diagnostic.error(
      "Field '\(address)' must be \(expected), '\(value.pythonType)' found.",
      at: value.location ?? node.sources.last.map { SourceLocation(file: $0) }, keyPath: address)
  }

  /// `normalize_string_list`: null → [], str → [str], list of str; else NormalizationError.
  package func stringList(_ key: String) throws(Diagnostic) -> [String] {
    guard let value = raw(key), !value.isNull else { return [] }
    return try stringList(value, address: address(key))
  }

  /// `normalize_string_list` over an arbitrary value.
  package func stringList(_ value: YAMLNode, address: String) throws(Diagnostic) -> [String] {
    if let text = value.string { return [text] }
    guard let items = value.items else {
      throw normalization(address, value, "a string or a list of strings")
    }
    var result: [String] = []
    for (index, item) in items.enumerated() {
      guard let text = item.string else { throw normalization("\(address)[\(index)]", item, "a string") }
      result.append(text)
    }
    return result
  }

  /// `int(value)` with null meaning `fallback` (tmt's `order`).
  package func integer(_ key: String, fallback: Int) throws(Diagnostic) -> Int {
    guard let value = raw(key), !value.isNull else { return fallback }
    do throws(PythonInt.Failure) {
      return try PythonInt.convert(value)
    } catch {
      throw self.error(error.message, key: key, at: value)
    }
  }

  /// `str(value)` with null kept as nil (tmt's `tier`).
  package func optionalString(_ key: String) -> String? {
    guard let value = raw(key), !value.isNull else { return nil }
    return PythonText.str(value)
  }

  /// A value passed through unchanged; `fallback` when the key is absent (explicit null stays null).
  package func passThrough(_ key: String, fallback: YAMLNode?) -> YAMLNode? {
    raw(key).map(\.withoutLocations) ?? fallback
  }
}

/// Python's `int()` of a YAML value.
package enum PythonInt {
  /// The `ValueError`/`TypeError` text Python gives.
  package struct Failure: Error { package let message: String }

  /// `int(value)`: ints kept, floats truncated, bools 0/1, decimal strings parsed (spaces and `_` allowed).
  package static func convert(_ value: YAMLNode) throws(Failure) -> Int {
    switch value.value {
    case .int(let number): return number
    case .bool(let flag): return flag ? 1 : 0
    case .float(let number):
      guard number.isFinite else {
        throw Failure(
          message: number.isNaN
            ? "cannot convert float NaN to integer"
            : "cannot convert float infinity to integer")
      }
      return Int(number)
    case .string(let text):
      if let number = parse(text) { return number }
      throw Failure(message: "invalid literal for int() with base 10: \(PythonText.quote(text))")
    default:
      throw Failure(
        message:
          "int() argument must be a string, a bytes-like object or a real number, not '\(value.pythonType)'")
    }
  }

  /// Python's decimal literal rules for `int(str)`.
  private static func parse(_ text: String) -> Int? {
    var body = Substring(text).drop { $0.isWhitespace }
    while let last = body.last, last.isWhitespace { body.removeLast() }
    var sign = ""
    if let first = body.first, first == "+" || first == "-" {
      sign = first == "-" ? "-" : ""
      body.removeFirst()
    }
    guard let first = body.first, first.isASCII, first.isNumber, body.last != "_", !body.contains("__")
    else { return nil }
    let digits = body.filter { $0 != "_" }
    guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(sign + digits)
  }
}
