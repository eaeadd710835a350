/// Expected inventory and thresholds, looked up in order: command-line flags, the environment
/// (`HPCTEST_EXPECT_<KEY>`, set by a plan's `environment:`), the site file; per-model defaults come last and are
/// applied by each check for the device at hand (see `DeviceModel`).
package struct Expectations: Sendable {
  /// Where a value came from, for notes.
  package enum Source: String, Sendable, Hashable {
    case flag = "command line"
    case environment
    case site = "site file"
  }

  /// A looked-up value and its source.
  package struct Value: Sendable, Hashable {
    /// The value as text.
    package var text: String
    /// Where it came from.
    package var source: Source
  }

  private var layers: [(Source, [String: String])]

  /// Creates expectations from the three layers, highest priority first.
  package init(flags: [String: String] = [:], environment: [String: String] = [:], site: [String: String] = [:]) {
    layers = [(.flag, flags), (.environment, Self.fromEnvironment(environment)), (.site, site)]
  }

  /// The prefix of expectation variables.
  package static let environmentPrefix = "HPCTEST_EXPECT_"

  /// The `HPCTEST_EXPECT_PCIE_GEN=4` variables of `environment` as `pcie-gen: 4`.
  package static func fromEnvironment(_ environment: [String: String]) -> [String: String] {
    var result: [String: String] = [:]
    for (name, value) in environment {
      if let key = key(ofVariable: name) { result[key] = value }
    }
    return result
  }

  /// `pcie-gen` for `HPCTEST_EXPECT_PCIE_GEN`; nil for other variables.
  package static func key(ofVariable name: String) -> String? {
    guard name.hasPrefix(environmentPrefix) else { return nil }
    return name.dropFirst(environmentPrefix.count).lowercased().replacingAll("_", with: "-")
  }

  /// The value for `key` from the highest layer that has it.
  package func value(_ key: String) -> Value? {
    for (source, values) in layers {
      if let text = values[key] { return Value(text: text, source: source) }
    }
    return nil
  }

  /// The text for `key`.
  package func string(_ key: String) -> String? { value(key)?.text }

  /// The integer for `key` (nil when absent or not an integer).
  package func int(_ key: String) -> Int? { string(key).flatMap { Int($0.trimmed) } }

  /// The number for `key` (nil when absent or not a number).
  package func double(_ key: String) -> Double? { string(key).flatMap { Double($0.trimmed) } }

  /// The boolean for `key`: true/yes/1/on or false/no/0/off.
  package func bool(_ key: String) -> Bool? { string(key).flatMap(ExpectationType.boolValue) }

  /// The comma-separated list for `key` (empty when absent).
  package func list(_ key: String) -> [String] { string(key).map(ExpectationType.items) ?? [] }

  /// The per-device counts for `key` (`numvfs`: `8`, or `mlx5_0=8,mlx5_1=0`), nil when absent or malformed.
  package func countMap(_ key: String) -> CountMap? { string(key).flatMap(ExpectationType.countMap) }

  /// The per-device text map for `key` (nil when absent or malformed).
  package func textMap(_ key: String) -> TextMap? { string(key).flatMap(ExpectationType.textMap) }

  /// `expected 4 (command line)`-style note for `key`, when it has a value.
  package func note(_ key: String) -> String? {
    value(key).map { "\(key) = \($0.text) (\($0.source.rawValue))" }
  }
}
