public import HPCBasics
public import YAML

/// tmt's test `check` normalisation: each entry becomes a dict with the plugin's defaults filled in.
package enum TMTCheck {
  private static let failurePatterns: YAMLNode = .list([.text("Call Trace:"), .text("\\ssegfault\\s")])

  /// Per plugin, the keys after `how`, `enabled`, `result` with their defaults, in tmt's export order.
  package static let plugins: [String: [(String, YAMLNode)]] = [
    "avc": [
      ("test-method", .text("timestamp")), ("delay-before-report", YAMLNode(.int(5))),
      ("ignore-pattern", .list([.text("type=USER_AVC.*received policyload notice")])),
    ],
    "coredump": [
      ("ignore-pattern", .list([])), ("is-available", YAMLNode(.bool(true))), ("is-availability-reason", .none),
      ("coredump-last-dumps-filepath", .text(".")),
    ],
    "dmesg": [("failure-pattern", failurePatterns)],
    "journal": [
      ("failure-pattern", failurePatterns), ("ignore-pattern", .list([])), ("dmesg", YAMLNode(.bool(false))),
      ("unit", .none), ("identifier", .none), ("priority", .none),
    ],
    "watchdog": [
      ("interval", YAMLNode(.int(60))), ("reboot", YAMLNode(.bool(false))), ("ping", YAMLNode(.bool(false))),
      ("ping-packets", YAMLNode(.int(1))), ("ping-threshold", YAMLNode(.int(10))),
      ("ssh-ping", YAMLNode(.bool(false))), ("ssh-ping-threshold", YAMLNode(.int(10))),
    ],
  ]

  /// Normalises the test's `check` value.
  package static func normalize(reader: TMTFieldReader) throws(Diagnostic) -> [YAMLNode] {
    guard let value = reader.raw("check"), !value.isNull else { return [] }
    let address = reader.address("check")
    switch value.value {
    case .string, .mapping: return [try check(value, address: address, reader: reader)]
    case .sequence(let items):
      var result: [YAMLNode] = []
      for (index, item) in items.enumerated() {
        result.append(try check(item, address: "\(address)[\(index)]", reader: reader))
      }
      return result
    default:
      throw reader.normalization(address, value, "a string, a dictionary, or a list of their combinations")
    }
  }

  /// One check with its plugin defaults.
  private static func check(_ item: YAMLNode, address: String, reader: TMTFieldReader) throws(Diagnostic)
    -> YAMLNode
  {
    let how: YAMLNode?
    if let text = item.string {
      how = .text(text)
    } else if item.entries != nil {
      how = item[key: "how"]
    } else {
      throw cannot(address, cause: "'\(item.pythonType)' is not a check specification", at: item, reader: reader)
    }
    guard let how else { throw cannot(address, cause: "KeyError: 'how'", at: item, reader: reader) }
    guard let name = how.string, let defaults = plugins[name] else {
      let cause = "Test check '\(PythonText.str(how))' was not found in check registry."
      throw cannot(address, cause: cause, at: how, reader: reader)
    }
    let given = item.entries == nil ? nil : item
    let base: [(String, YAMLNode)] = [
      ("how", .text(name)), ("enabled", YAMLNode(.bool(true))), ("result", .text("respect")),
    ]
    var pairs: [(String, YAMLNode)] = []
    for (key, fallback) in base + defaults {
      guard let value = given?[key: key] else {
        pairs.append((key, fallback))
        continue
      }
      pairs.append((key, try normalized(value, key: key, address: address, reader: reader)))
    }
    return .map(pairs)
  }

  /// The check fields' `normalize` callbacks: pattern lists (`normalize_pattern_list`: null → [], a string →
  /// [string]) and integers (`normalize_int`: `int(value)`); other fields are kept as given.
  private static func normalized(_ value: YAMLNode, key: String, address: String, reader: TMTFieldReader)
    throws(Diagnostic) -> YAMLNode
  {
    let plain = value.withoutLocations
    if patternKeys.contains(key) {
      if plain.isNull { return .list([]) }
      if plain.string != nil { return .list([plain]) }
      guard let items = plain.items else {
        throw reader.normalization(
          "\(address).\(key)", value, "a regular expression or a list of regular expressions")
      }
      for (index, pattern) in items.enumerated() where pattern.string == nil {
        throw reader.normalization("\(address).\(key)[\(index)]", pattern, "a regular expression")
      }
      return plain
    }
    guard integerKeys.contains(key) else { return plain }
    if case .float(let number) = plain.value, number.isFinite { return YAMLNode(.int(Int(number))) }
    guard case .string(let text) = plain.value else { return plain }
    guard let number = Int(text.trimmingCharacters(in: " \t\n")) else {
      throw reader.normalization("\(address).\(key)", value, "an integer")
    }
    return YAMLNode(.int(number))
  }

  private static let patternKeys: Set<String> = ["failure-pattern", "ignore-pattern"]
  private static let integerKeys: Set<String> = [
    "delay-before-report", "interval", "ping-packets", "ping-threshold", "ssh-ping-threshold",
  ]

  private static func cannot(_ address: String, cause: String, at node: YAMLNode, reader: TMTFieldReader)
    -> Diagnostic
  {
    Diagnostic.error(
      "Cannot instantiate check from '\(address)'. (\(cause))",
      at: node.location ?? reader.node.sources.last.map { SourceLocation(file: $0) }, keyPath: address)
  }
}
