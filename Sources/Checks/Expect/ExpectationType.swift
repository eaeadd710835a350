import HardwareProbe

/// The type of an expectation value, and how its text (a flag, an `HPCTEST_EXPECT_*` value, a site-file scalar) is
/// checked.
package enum ExpectationType: String, Sendable, Hashable, CaseIterable {
  /// `4`.
  case int = "an integer"
  /// `0.9` or `200`.
  case number = "a number"
  /// `true`/`false` (also yes/no, on/off, 1/0).
  case bool = "a boolean (true or false)"
  /// Any non-empty text.
  case string = "a non-empty string"
  /// `a,b` or a YAML list.
  case list = "a list"
  /// A list of `device/port` or `device` (`mlx5_0/1`).
  case portList = "a list of DEVICE/PORT (e.g. mlx5_0/1)"
  /// One count for every device, or a map of device: count (`8`, `mlx5_0=8,mlx5_1=0`, `{mlx5_0: 8}`).
  case countMap = "a count or a map of DEVICE: count (e.g. 8 or {mlx5_0: 8})"
  /// One text for every device, or a map of device or model: text (`28.39.2048`, `{ConnectX-7: 28.39.2048}`).
  case textMap = "a text or a map of DEVICE or MODEL: text (e.g. 20.40.1000 or {ConnectX-6: 20.40.1000})"
  /// `PIX`, `PXB`, `PHB`, `NODE` or `SYS`.
  case pathClass = "one of PIX, PXB, PHB, NODE, SYS"

  /// The short name used in docs/CHECKS.md.
  package var docName: String {
    switch self {
    case .int: "int"
    case .number: "number"
    case .bool: "bool"
    case .string: "string"
    case .list: "list"
    case .portList: "port list"
    case .countMap: "count or map"
    case .textMap: "text or map"
    case .pathClass: "path class"
    }
  }

  /// True when `text` is a valid value of this type.
  package func accepts(_ text: String) -> Bool {
    let value = text.trimmed
    switch self {
    case .int: return Int(value) != nil
    case .number: return Double(value).map { $0.isFinite } ?? false
    case .bool: return Self.boolValue(value) != nil
    case .string: return !value.isEmpty
    case .list: return !Self.items(value).isEmpty
    case .portList: return !Self.items(value).isEmpty && Self.items(value).allSatisfy(Self.isPort)
    case .countMap: return Self.countMap(value) != nil
    case .textMap: return Self.textMap(value) != nil
    case .pathClass: return PathClass(rawValue: value.uppercased()) != nil
    }
  }

  /// `true`/`yes`/`1`/`on` or `false`/`no`/`0`/`off` (any case).
  package static func boolValue(_ text: String) -> Bool? {
    switch text.trimmed.lowercased() {
    case "true", "yes", "1", "on": true
    case "false", "no", "0", "off": false
    default: nil
    }
  }

  /// The non-empty items of a comma-separated list.
  package static func items(_ text: String) -> [String] {
    text.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
  }

  /// `mlx5_0` or `mlx5_0/1` (a device name without spaces, optionally a port number).
  static func isPort(_ item: String) -> Bool {
    let parts = item.split(separator: "/", omittingEmptySubsequences: false)
    guard let device = parts.first, !device.isEmpty, !device.contains(where: \.isWhitespace) else { return false }
    return parts.count == 1 || (parts.count == 2 && (Int(parts[1]) ?? 0) > 0)
  }

  /// A count for every device (`8`) or per device (`mlx5_0=8,0000:05:00.1=0`); nil when malformed.
  package static func countMap(_ text: String) -> CountMap? {
    if let count = Int(text.trimmed) { return CountMap(all: count, perDevice: [:]) }
    var map: [String: Int] = [:]
    for item in items(text) {
      guard let equals = item.lastIndex(of: "="), let count = Int(String(item[item.index(after: equals)...]).trimmed)
      else { return nil }
      let device = String(item[..<equals]).trimmed
      guard !device.isEmpty else { return nil }
      map[device] = count
    }
    return map.isEmpty ? nil : CountMap(all: nil, perDevice: map)
  }
}

extension ExpectationType {
  /// One text for every device (`28.39.2048`) or per device or model (`mlx5_0=28.39.2048,E810-C=4.40`); nil when
  /// malformed. A text without `=` is the value for every device.
  package static func textMap(_ text: String) -> TextMap? {
    let value = text.trimmed
    guard !value.isEmpty else { return nil }
    guard value.contains("=") else { return TextMap(all: value, perDevice: [:]) }
    var map: [String: String] = [:]
    for item in items(value) {
      guard let equals = item.firstIndex(of: "=") else { return nil }
      let device = String(item[..<equals]).trimmed
      let expected = String(item[item.index(after: equals)...]).trimmed
      guard !device.isEmpty, !expected.isEmpty else { return nil }
      map[device] = expected
    }
    return map.isEmpty ? nil : TextMap(all: nil, perDevice: map)
  }
}

/// A per-device text expectation (`adapter-firmware`): one text for every device, or one per device name, PCI
/// address or model name (the first of a device's names that the map holds wins).
package struct TextMap: Sendable, Hashable {
  /// The text every device gets, when one was given.
  package var all: String?
  /// Texts by device name, PCI address or model.
  package var perDevice: [String: String]

  /// The text for a device known by any of `names`, or nil when the map says nothing about it.
  package func value(for names: [String]) -> String? {
    names.lazy.compactMap { perDevice[$0] }.first ?? all
  }
}

/// A per-device count expectation (`numvfs`): one number for every device, or one per named device.
package struct CountMap: Sendable, Hashable {
  /// The count every device gets, when one number was given.
  package var all: Int?
  /// Counts by device name or PCI address.
  package var perDevice: [String: Int]

  /// Creates a count map.
  package init(all: Int?, perDevice: [String: Int]) {
    self.all = all
    self.perDevice = perDevice
  }

  /// The count for a device known by any of `names` (an RDMA device name, a PCI address).
  package func count(for names: [String]) -> Int? {
    names.lazy.compactMap { perDevice[$0] }.first ?? all
  }
}
