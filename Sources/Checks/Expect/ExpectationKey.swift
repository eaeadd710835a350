/// One expectation key: its name (`pcie-gen`) and the type of its value. Every key hpctest reads is in
/// `ExpectationKey.all`; flags, `HPCTEST_EXPECT_*` variables and the site file are validated against it.
package struct ExpectationKey: Sendable, Hashable {
  /// `pcie-gen`.
  package var name: String
  /// The value's type.
  package var type: ExpectationType

  /// Creates a key.
  package init(_ name: String, _ type: ExpectationType) {
    self.name = name
    self.type = type
  }

  /// The environment variable that sets this key (`HPCTEST_EXPECT_PCIE_GEN`).
  package var environmentName: String {
    "HPCTEST_EXPECT_" + name.uppercased().replacingAll("-", with: "_")
  }

  /// Every known key (docs/CHECKS.md lists the same keys; a test keeps the two in step).
  package static let all: [ExpectationKey] = [
    .init("gpus", .int), .init("gpu-model", .string), .init("pcie-gen", .int), .init("pcie-width", .int),
    .init("pcie-strict-speed", .bool), .init("gpu-driver", .list), .init("gpu-tiles", .int),
    .init("aer-correctable-max", .int), .init("ecc-corrected-max", .int), .init("xid-window", .int),
    .init("nvlink-gbs", .number), .init("dcgm-level", .int), .init("h2d-gbs", .number),
    .init("h2d-fraction", .number), .init("p2p-gbs", .number), .init("xpu-diag-level", .int),
    .init("adapters", .int), .init("adapter-model", .string), .init("adapter-firmware", .textMap),
    .init("ib-rate", .number), .init("ib-error-max", .int), .init("ib-ports", .portList),
    .init("adapter-pcie-gen", .int), .init("adapter-pcie-width", .int), .init("numvfs", .countMap),
    .init("vf-driver", .string), .init("require-iommu", .bool), .init("bw-fraction", .number),
    .init("bw-duration", .int), .init("lat-max-us", .number), .init("pair-timeout", .int),
    .init("max-path-class", .pathClass),
    .init("allow-sys", .bool), .init("gdr-share", .number), .init("load-share", .number),
    .init("fairness", .number), .init("vf-count", .int), .init("required-tools", .list),
  ]

  /// The key called `name`.
  package static func named(_ name: String) -> ExpectationKey? { all.first { $0.name == name } }

  /// Why `text` is not a valid value of `name`, or why `name` is not a key; nil when both are fine.
  package static func problem(_ name: String, _ text: String) -> String? {
    guard let key = named(name) else { return unknown(name) }
    guard key.type.accepts(text) else { return "'\(name)' must be \(key.type.rawValue), got '\(text)'" }
    return nil
  }

  /// `unknown expectation key 'pcie-gne'; did you mean 'pcie-gen'?`.
  package static func unknown(_ name: String) -> String {
    let suggestion = closest(to: name).map { "; did you mean '\($0)'?" } ?? " (docs/CHECKS.md lists the keys)"
    return "unknown expectation key '\(name)'\(suggestion)"
  }

  /// The known key within edit distance 2 of `name`, nearest first.
  static func closest(to name: String) -> String? {
    let scored = all.map { ($0.name, distance(Array(name), Array($0.name))) }.filter { $0.1 <= 2 }
    return scored.min { $0.1 < $1.1 }?.0
  }

  /// Levenshtein distance, counting a swap of neighbours as one edit (`widht` → `width`).
  static func distance(_ a: [Character], _ b: [Character]) -> Int {
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }
}
